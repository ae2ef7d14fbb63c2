/**
 * Schema validation of one Kubernetes object, offline. Built-in kinds go through kubernetes-models (the OpenAPI
 * schemas of the Kubernetes API, compiled with ajv: types, required fields, formats such as quantities and
 * ports; it does NOT reject unknown fields). The custom resources infra/k8s uses (CloudNativePG, its Barman Cloud
 * plugin, the Prometheus Operator) have no model there: their apiVersion, kind and metadata are checked, and the
 * fields the platform relies on, with an allowlist of spec keys so that a misspelt key fails.
 * kubernetes-models 4.5.1 is the last line that loads under Jest's CommonJS (5.x is ESM-only).
 */
import { ConfigMap, Namespace, Service, ServiceAccount } from 'kubernetes-models/v1';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import type { K8sObject } from './kustomize-subset';

interface Validatable {
  validate(): void;
}
type ModelClass = new (data: never) => Validatable;

const MODELS: Record<string, ModelClass> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'batch/v1/Job': Job,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

type Spec = Record<string, unknown>;
const DNS_1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const QUANTITY = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|k|M|G|T|m)?$/;

function keysWithin(spec: Spec, allowed: string[], where: string, problems: string[]): void {
  for (const key of Object.keys(spec)) if (!allowed.includes(key)) problems.push(`${where}: unknown field ${key}`);
}

function secretRef(ref: unknown, where: string, problems: string[], withKey = false): void {
  const r = ref as { name?: unknown; key?: unknown } | undefined;
  if (typeof r?.name !== 'string' || !DNS_1123.test(r.name)) problems.push(`${where}: needs a Secret name`);
  if (withKey && typeof r?.key !== 'string') problems.push(`${where}: needs a key`);
}

const CUSTOM: Record<string, (spec: Spec, problems: string[]) => void> = {
  'postgresql.cnpg.io/v1/Cluster': (spec, problems) => {
    keysWithin(spec, ['instances', 'imageName', 'primaryUpdateStrategy', 'enablePDB', 'inheritedMetadata', 'affinity', 'storage', 'walStorage', 'resources', 'postgresql', 'bootstrap', 'managed', 'plugins', 'description', 'monitoring'], 'spec', problems);
    if (!Number.isInteger(spec.instances) || (spec.instances as number) < 1) problems.push('spec.instances: a positive integer');
    const image = String(spec.imageName ?? '');
    if (!/^[\w./-]+:[\w.-]+$/.test(image) || image.endsWith(':latest')) problems.push(`spec.imageName: a pinned image, got ${image}`);
    for (const s of ['storage', 'walStorage'] as const) {
      const size = (spec[s] as { size?: unknown } | undefined)?.size;
      if (s === 'storage' || spec[s]) if (typeof size !== 'string' || !QUANTITY.test(size)) problems.push(`spec.${s}.size: a quantity`);
    }
    const initdb = (spec.bootstrap as { initdb?: { database?: unknown; owner?: unknown; secret?: unknown } } | undefined)?.initdb;
    if (typeof initdb?.database !== 'string' || typeof initdb.owner !== 'string') problems.push('spec.bootstrap.initdb: database and owner');
    secretRef(initdb?.secret, 'spec.bootstrap.initdb.secret', problems);
    const roles = ((spec.managed as { roles?: unknown[] } | undefined)?.roles ?? []) as Record<string, unknown>[];
    for (const [i, role] of roles.entries()) {
      keysWithin(role, ['name', 'ensure', 'login', 'inRoles', 'passwordSecret', 'comment', 'superuser', 'createdb', 'createrole', 'inherit', 'replication', 'bypassrls', 'connectionLimit', 'validUntil', 'disablePassword'], `spec.managed.roles[${i}]`, problems);
      if (typeof role.name !== 'string') problems.push(`spec.managed.roles[${i}].name`);
      if (role.ensure !== undefined && role.ensure !== 'present' && role.ensure !== 'absent') problems.push(`spec.managed.roles[${i}].ensure: present or absent`);
      if (role.passwordSecret !== undefined) secretRef(role.passwordSecret, `spec.managed.roles[${i}].passwordSecret`, problems);
    }
    for (const [i, p] of (((spec.plugins as unknown[]) ?? []) as Record<string, unknown>[]).entries()) {
      if (typeof p.name !== 'string') problems.push(`spec.plugins[${i}].name`);
    }
  },
  'postgresql.cnpg.io/v1/ScheduledBackup': (spec, problems) => {
    keysWithin(spec, ['schedule', 'immediate', 'backupOwnerReference', 'cluster', 'method', 'pluginConfiguration', 'suspend', 'target', 'online'], 'spec', problems);
    if (String(spec.schedule ?? '').trim().split(/\s+/).length !== 6) problems.push('spec.schedule: six cron fields (seconds first)');
    if (typeof (spec.cluster as { name?: unknown } | undefined)?.name !== 'string') problems.push('spec.cluster.name');
    if (!['barmanObjectStore', 'volumeSnapshot', 'plugin'].includes(String(spec.method))) problems.push('spec.method');
    if (spec.method === 'plugin' && typeof (spec.pluginConfiguration as { name?: unknown } | undefined)?.name !== 'string') problems.push('spec.pluginConfiguration.name');
  },
  'barmancloud.cnpg.io/v1/ObjectStore': (spec, problems) => {
    keysWithin(spec, ['configuration', 'retentionPolicy', 'instanceSidecarConfiguration'], 'spec', problems);
    const c = spec.configuration as { destinationPath?: unknown; s3Credentials?: { accessKeyId?: unknown; secretAccessKey?: unknown } } | undefined;
    if (typeof c?.destinationPath !== 'string' || !/^(s3|gs|https?):\/\//.test(c.destinationPath)) problems.push('spec.configuration.destinationPath: an object store URL');
    if (c?.s3Credentials) {
      secretRef(c.s3Credentials.accessKeyId, 'spec.configuration.s3Credentials.accessKeyId', problems, true);
      secretRef(c.s3Credentials.secretAccessKey, 'spec.configuration.s3Credentials.secretAccessKey', problems, true);
    }
    if (spec.retentionPolicy !== undefined && !/^\d+[dwm]$/.test(String(spec.retentionPolicy))) problems.push('spec.retentionPolicy: like 30d');
  },
  'monitoring.coreos.com/v1/ServiceMonitor': (spec, problems) => {
    keysWithin(spec, ['selector', 'endpoints', 'namespaceSelector', 'jobLabel', 'targetLabels', 'podTargetLabels'], 'spec', problems);
    const labels = (spec.selector as { matchLabels?: Record<string, string> } | undefined)?.matchLabels;
    if (!labels || Object.keys(labels).length === 0) problems.push('spec.selector.matchLabels: select the Services');
    const endpoints = (spec.endpoints as Record<string, unknown>[] | undefined) ?? [];
    if (endpoints.length === 0) problems.push('spec.endpoints: at least one');
    for (const [i, e] of endpoints.entries()) {
      keysWithin(e, ['port', 'path', 'interval', 'scrapeTimeout', 'honorLabels', 'scheme', 'relabelings', 'metricRelabelings'], `spec.endpoints[${i}]`, problems);
      if (typeof e.port !== 'string') problems.push(`spec.endpoints[${i}].port: a Service port name`);
      if (e.path !== undefined && !String(e.path).startsWith('/')) problems.push(`spec.endpoints[${i}].path`);
      for (const d of ['interval', 'scrapeTimeout']) if (e[d] !== undefined && !/^\d+[smh]$/.test(String(e[d]))) problems.push(`spec.endpoints[${i}].${d}: a duration`);
    }
  },
};

export const CUSTOM_RESOURCES = Object.keys(CUSTOM);

/** Problems with one object; empty when it is valid. */
export function validateObject(obj: K8sObject): string[] {
  const type = `${obj.apiVersion}/${obj.kind}`;
  const model = MODELS[type];
  const problems: string[] = [];
  if (!obj.metadata || typeof obj.metadata.name !== 'string' || !DNS_1123.test(obj.metadata.name)) problems.push('metadata.name: a DNS-1123 name');
  if (model) {
    try {
      new model(obj as never).validate();
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
    }
  } else if (CUSTOM[type]) {
    keysWithin(obj as unknown as Spec, ['apiVersion', 'kind', 'metadata', 'spec'], type, problems);
    CUSTOM[type]((obj.spec ?? {}) as Spec, problems);
  } else problems.push(`no schema for ${type}: add it to test/infra/manifest-validation.ts`);
  return problems.map((p) => `${obj.kind}/${obj.metadata?.name}: ${p}`);
}
