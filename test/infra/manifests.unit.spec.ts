/**
 * The deployment manifests, checked offline (no cluster, no Docker engine on our machines): every YAML file under
 * infra/k8s parses, every object validates (kubernetes-models; custom resources by manifest-validation.ts), and the
 * project's rules hold on the base, on each overlay and on the optional components, rendered by the in-test
 * kustomize subset (kustomize-subset.ts). Where `kubectl` is on the PATH the same rules also run on
 * `kubectl kustomize` output, which must equal the subset's; without kubectl that part is skipped, and the test
 * output says which ran. Also: docker/Dockerfile, .dockerignore and docker/compose.yaml keep their promises, the
 * Grafana dashboard only queries metrics the platform exports, and docs/operations.md names every Secret.
 * Over 300 lines on purpose: one list of rules, each small, read best side by side.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import {
  build,
  containersOf,
  forEachConfigMapReference,
  kustomizationFile,
  KUSTOMIZATION_FILES,
  loadObjects,
  parseImage,
  patchContent,
  patchTargets,
  podSpecOf,
  readKustomization,
  type K8sObject,
  type Kustomization,
} from './kustomize-subset';
import { validateObject } from './manifest-validation';
import type { ConfigDefinition } from '@ics2/platform';
import { auditConfig } from '../../services/audit/src/service.config';
import { commonRepositoryConfig } from '../../services/common-repository/src/service.config';
import { controlResultsConfig } from '../../services/control-results/src/service.config';
import { crmsConfig } from '../../services/crms/src/service.config';
import { riskAnalysisConfig } from '../../services/risk-analysis/src/service.config';
import { traderInterfaceConfig } from '../../services/trader-interface/src/service.config';

const ROOT = resolve(__dirname, '..', '..');
const K8S = join(ROOT, 'infra', 'k8s');
const SERVICES = ['trader-interface', 'common-repository', 'risk-analysis', 'control-results', 'crms', 'audit'];
/** The services whose callers use HTTP: HTTP probes and a ClusterIP. The others are gRPC doors. */
const HTTP_DOORS = ['trader-interface', 'audit'];
const GRPC_SERVICES = SERVICES.filter((s) => !HTTP_DOORS.includes(s));
/** Everyone audit asks over ics2.audit.v1.AuditSourceService. */
const AUDIT_SOURCES = SERVICES.filter((s) => s !== 'audit');
const HTTP_PORT = 8080;
const GRPC_PORT = 50051;
const EDGE_NAMESPACE = 'ingress-nginx';
const MONITORING_NAMESPACE = 'monitoring';
const WORKLOADS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];

/** What is rendered: folders, and compositions of an overlay with an optional component. */
const RENDERS: { name: string; dir: string; inline?: Kustomization }[] = [
  { name: 'base', dir: join(K8S, 'base') },
  { name: 'overlays/dev', dir: join(K8S, 'overlays', 'dev') },
  { name: 'overlays/prod', dir: join(K8S, 'overlays', 'prod') },
  { name: 'overlays/dev + components/kurrentdb', dir: join(K8S, 'overlays'), inline: { resources: ['dev'], components: ['../components/kurrentdb'] } },
];

// ---- files -------------------------------------------------------------------------------------------------------

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

const rel = (p: string) => relative(ROOT, p);
const allFiles = filesUnder(K8S);
const yamlFiles = allFiles.filter((f) => /\.ya?ml$/.test(f));
const kustomizationDirs = allFiles.filter((f) => KUSTOMIZATION_FILES.includes(f.split('/').pop() as string)).map(dirname);

interface Usage {
  resources: Set<string>;
  patches: Map<string, string>;
  generated: Set<string>;
  problems: string[];
}

function usage(): Usage {
  const u: Usage = { resources: new Set(), patches: new Map(), generated: new Set(), problems: [] };
  for (const dir of kustomizationDirs) {
    const k = readKustomization(dir);
    const where = rel(kustomizationFile(dir) as string);
    for (const r of k.resources ?? []) {
      const p = resolve(dir, r);
      if (!existsSync(p)) u.problems.push(`${where}: resource ${r} does not exist`);
      else if (statSync(p).isDirectory() && !kustomizationFile(p)) u.problems.push(`${where}: resource ${r} is a folder without kustomization.yaml`);
      else if (!statSync(p).isDirectory()) u.resources.add(p);
    }
    for (const c of k.components ?? []) {
      const p = resolve(dir, c);
      if (!existsSync(p) || !kustomizationFile(p)) u.problems.push(`${where}: component ${c} does not exist`);
      else if (readKustomization(p).kind !== 'Component') u.problems.push(`${where}: component ${c} is not kind: Component`);
    }
    for (const p of k.patches ?? []) {
      if (!p.path) continue;
      const file = resolve(dir, p.path);
      if (!existsSync(file)) u.problems.push(`${where}: patch ${p.path} does not exist`);
      else u.patches.set(file, dir);
    }
    for (const g of k.configMapGenerator ?? []) {
      for (const f of g.files ?? []) {
        const file = resolve(dir, f.includes('=') ? f.slice(f.indexOf('=') + 1) : f);
        if (!existsSync(file)) u.problems.push(`${where}: configMapGenerator ${g.name}: file ${f} does not exist`);
        else u.generated.add(file);
      }
    }
  }
  return u;
}

// ---- renders and their rules -------------------------------------------------------------------------------------

type Rule = (objects: K8sObject[]) => string[];
const of = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const id = (o: K8sObject) => `${o.kind}/${o.metadata.name}`;
const podLabels = (o: K8sObject) => ((o.spec as { template?: { metadata?: { labels?: Record<string, string> } } }).template?.metadata?.labels ?? {}) as Record<string, string>;
const selects = (selector: Record<string, string> | undefined, labels: Record<string, string>) =>
  !!selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);
type Probe = { grpc?: { port?: number }; httpGet?: { path?: string; port?: string | number } } | undefined;
type Ctr = { name: string; image?: string; envFrom?: { configMapRef?: { name: string } }[]; ports?: { name?: string; containerPort: number }[]; resources?: { requests?: Record<string, string>; limits?: Record<string, string> }; securityContext?: Record<string, unknown>; volumeMounts?: { name: string; mountPath: string }[]; startupProbe?: Probe; readinessProbe?: Probe; livenessProbe?: Probe; env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string } } }[] };
const mainContainers = (o: K8sObject) => ((podSpecOf(o)?.containers ?? []) as unknown as Ctr[]);
const deployment = (objects: K8sObject[], name: string) => of(objects, 'Deployment').find((d) => d.metadata.name === name);

/** What a Deployment's service container is configured with: its ConfigMaps (envFrom), then its literal env values. */
function configuredEnv(objects: K8sObject[], d: K8sObject): Record<string, string> {
  const env: Record<string, string> = {};
  for (const c of mainContainers(d)) {
    for (const e of c.envFrom ?? []) Object.assign(env, of(objects, 'ConfigMap').find((m) => m.metadata.name === e.configMapRef?.name)?.data ?? {});
    for (const e of c.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  }
  return env;
}

/** Where the service container mounts the volume made of Secret `secret`, if it does. */
function secretMountPath(d: K8sObject, secret: string): string | undefined {
  const volumes = (podSpecOf(d)?.volumes ?? []) as { name: string; secret?: { secretName?: string } }[];
  const names = volumes.filter((v) => v.secret?.secretName === secret).map((v) => v.name);
  return mainContainers(d).flatMap((c) => c.volumeMounts ?? []).find((m) => names.includes(m.name))?.mountPath;
}

type IngressSpec = { tls?: { hosts?: string[]; secretName?: string }[]; rules: { host: string; http: { paths: { path: string; backend: { service: { name: string; port: { name?: string } } } }[] } }[] };
const ingressBackends = (ing: K8sObject) => (ing.spec as IngressSpec).rules.flatMap((r) => r.http.paths.map((p) => p.backend.service.name));
const allContainers = (o: K8sObject) => containersOf(o) as unknown as Ctr[];

type NetworkRule = { from?: Peer[]; to?: Peer[]; ports?: { port?: number | string; protocol?: string }[] };
type Peer = { podSelector?: { matchLabels?: Record<string, string> }; namespaceSelector?: { matchLabels?: Record<string, string> }; ipBlock?: unknown };
type PolicySpec = { podSelector: { matchLabels?: Record<string, string> }; policyTypes?: string[]; ingress?: NetworkRule[]; egress?: NetworkRule[] };

function peerName(p: Peer): string {
  const ns = p.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'];
  const pods = p.podSelector?.matchLabels;
  const podName = pods?.['app.kubernetes.io/name'] ?? (pods?.['ics2.eu/role'] ? `role:${pods['ics2.eu/role']}` : pods?.['k8s-app']);
  if (p.ipBlock) return 'ipBlock';
  if (ns && podName) return `${ns}/${podName}`;
  if (ns) return `ns:${ns}`;
  if (pods && Object.keys(pods).length === 0) return 'any-pod';
  return podName ?? (pods?.['app.kubernetes.io/component'] ? `component:${pods['app.kubernetes.io/component']}` : 'anything');
}

/** Every (peer, port) edge a service's pods may take, in and out, over all policies that select them. */
function edges(objects: K8sObject[], deployment: K8sObject): string[] {
  const labels = podLabels(deployment);
  const out: string[] = [];
  for (const np of of(objects, 'NetworkPolicy')) {
    const spec = np.spec as PolicySpec;
    if (!selects(spec.podSelector.matchLabels, labels)) continue;
    for (const [dir, rules] of [['in', spec.ingress], ['out', spec.egress]] as const) {
      for (const r of rules ?? []) {
        const peers = (dir === 'in' ? r.from : r.to) ?? [{} as Peer];
        for (const p of peers) for (const port of r.ports ?? [{ port: 'any' }]) out.push(`${dir} ${peerName(p)}:${port.port}${port.protocol === 'UDP' ? '/udp' : ''}`);
      }
    }
  }
  return [...new Set(out)].sort();
}

const FROM_AUDIT = `in audit:${GRPC_PORT}`;
const EXPECTED_EDGES: Record<string, string[]> = {
  'trader-interface': [`in ns:${EDGE_NAMESPACE}:${HTTP_PORT}`, FROM_AUDIT, `out common-repository:${GRPC_PORT}`, `out risk-analysis:${GRPC_PORT}`],
  'common-repository': [`in trader-interface:${GRPC_PORT}`, FROM_AUDIT],
  'risk-analysis': [`in ns:${EDGE_NAMESPACE}:${GRPC_PORT}`, FROM_AUDIT, `in trader-interface:${GRPC_PORT}`, `in crms:${GRPC_PORT}`],
  'control-results': [`in ns:${EDGE_NAMESPACE}:${GRPC_PORT}`, FROM_AUDIT, `in crms:${GRPC_PORT}`],
  crms: [`in ns:${EDGE_NAMESPACE}:${GRPC_PORT}`, FROM_AUDIT, `out risk-analysis:${GRPC_PORT}`, `out control-results:${GRPC_PORT}`],
  audit: [`in ns:${EDGE_NAMESPACE}:${HTTP_PORT}`, ...AUDIT_SOURCES.map((s) => `out ${s}:${GRPC_PORT}`)],
};
const OTLP_HTTP_PORT = 4318;

/** The peers each service's code calls over gRPC: the `<PEER>_GRPC_URL` variables of its own configuration. */
const SERVICE_CONFIGS: Record<string, ConfigDefinition<unknown>> = {
  'trader-interface': traderInterfaceConfig,
  'common-repository': commonRepositoryConfig,
  'risk-analysis': riskAnalysisConfig,
  'control-results': controlResultsConfig,
  crms: crmsConfig,
  audit: auditConfig,
};
const PEERS_CALLED: Record<string, string[]> = Object.fromEntries(
  SERVICES.map((s) => [
    s,
    Object.keys(SERVICE_CONFIGS[s].schema)
      .filter((k) => k.endsWith('_GRPC_URL'))
      .map((k) => k.slice(0, -'_GRPC_URL'.length).toLowerCase().replace(/_/g, '-')),
  ]),
);

/** Whether the render turns tracing on for the services: an OTLP endpoint, or OTEL_TRACES_EXPORTER=otlp, in the shared settings. */
function tracesConfigured(objects: K8sObject[]): boolean {
  const shared = (of(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('ics2-shared-config'))?.data ?? {}) as Record<string, string>;
  if (shared.OTEL_SDK_DISABLED === 'true' || shared.OTEL_TRACES_EXPORTER === 'none') return false;
  return shared.OTEL_TRACES_EXPORTER === 'otlp' || !!shared.OTEL_EXPORTER_OTLP_ENDPOINT || !!shared.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
}

const EVERY_SERVICE_EDGES = [`in ns:${MONITORING_NAMESPACE}:${HTTP_PORT}`, 'out kube-system/kube-dns:53', 'out kube-system/kube-dns:53/udp', 'out role:database:5432'];

const RULES: Record<string, Rule> = {
  'every object validates against its schema': (objects) => objects.flatMap(validateObject),

  'the six services are there, each a Deployment': (objects) =>
    SERVICES.filter((s) => !of(objects, 'Deployment').some((d) => d.metadata.name === s)).map((s) => `no Deployment ${s}`),

  'every Deployment has startup, readiness and liveness probes (native gRPC for the gRPC services)': (objects) =>
    of(objects, 'Deployment').flatMap((d) =>
      mainContainers(d).flatMap((c) => {
        const problems: string[] = [];
        for (const p of ['startupProbe', 'readinessProbe', 'livenessProbe'] as const) if (!c[p]) problems.push(`${id(d)} ${c.name}: no ${p}`);
        if (c.livenessProbe?.httpGet?.path !== '/health/live') problems.push(`${id(d)} ${c.name}: liveness must be GET /health/live (the process answers)`);
        if (GRPC_SERVICES.includes(d.metadata.name)) {
          for (const p of ['startupProbe', 'readinessProbe'] as const) if (c[p]?.grpc?.port !== GRPC_PORT) problems.push(`${id(d)} ${c.name}: ${p} must be a gRPC probe on ${GRPC_PORT}`);
        } else if (c.readinessProbe?.httpGet?.path !== '/health/ready') problems.push(`${id(d)} ${c.name}: readiness must be GET /health/ready`);
        return problems;
      }),
    ),

  'every container, init containers included, has CPU and memory requests and limits': (objects) =>
    objects
      .filter((o) => WORKLOADS.includes(o.kind))
      .flatMap((w) =>
        allContainers(w).flatMap((c) =>
          ['requests', 'limits'].flatMap((k) =>
            ['cpu', 'memory'].filter((r) => !c.resources?.[k as 'requests' | 'limits']?.[r]).map((r) => `${id(w)} ${c.name}: no ${r} ${k}`),
          ),
        ),
      ),

  'every Deployment has a PodDisruptionBudget that selects its pods': (objects) =>
    of(objects, 'Deployment')
      .filter((d) => !of(objects, 'PodDisruptionBudget').some((p) => selects((p.spec as { selector?: { matchLabels?: Record<string, string> } }).selector?.matchLabels, podLabels(d))))
      .map((d) => `${id(d)}: no PodDisruptionBudget selects its pods`),

  'every Deployment has an autoscaling/v2 HorizontalPodAutoscaler and leaves replicas to it': (objects) =>
    of(objects, 'Deployment').flatMap((d) => {
      const hpa = of(objects, 'HorizontalPodAutoscaler').find((h) => {
        const ref = (h.spec as { scaleTargetRef: { kind: string; name: string } }).scaleTargetRef;
        return ref.kind === 'Deployment' && ref.name === d.metadata.name;
      });
      const problems: string[] = [];
      if (!hpa) problems.push(`${id(d)}: no HorizontalPodAutoscaler`);
      else {
        const spec = hpa.spec as { minReplicas?: number; maxReplicas: number };
        if (hpa.apiVersion !== 'autoscaling/v2') problems.push(`${id(hpa)}: not autoscaling/v2`);
        if (!spec.minReplicas || spec.minReplicas < 1 || spec.maxReplicas < spec.minReplicas) problems.push(`${id(hpa)}: replicas ${spec.minReplicas}..${spec.maxReplicas}`);
      }
      if ((d.spec as { replicas?: number }).replicas !== undefined) problems.push(`${id(d)}: sets replicas, which fights the HorizontalPodAutoscaler`);
      return problems;
    }),

  'every Deployment is selected by a NetworkPolicy restricting both ingress and egress': (objects) =>
    of(objects, 'Deployment')
      .filter((d) =>
        !of(objects, 'NetworkPolicy').some((np) => {
          const spec = np.spec as PolicySpec;
          return selects(spec.podSelector.matchLabels, podLabels(d)) && spec.policyTypes?.includes('Ingress') && spec.policyTypes?.includes('Egress');
        }),
      )
      .map((d) => `${id(d)}: no NetworkPolicy with policyTypes [Ingress, Egress] selects its pods`),

  'network policies allow exactly the traffic the architecture needs': (objects) =>
    of(objects, 'Deployment')
      .filter((d) => SERVICES.includes(d.metadata.name))
      .flatMap((d) => {
        const kurrentdb = objects.some((o) => o.kind === 'StatefulSet' && o.metadata.name === 'kurrentdb') ? ['out role:event-store:2113'] : [];
        const traces = tracesConfigured(objects) ? [`out ns:${MONITORING_NAMESPACE}:${OTLP_HTTP_PORT}`] : [];
        const expected = [...EXPECTED_EDGES[d.metadata.name], ...EVERY_SERVICE_EDGES, ...kurrentdb, ...traces].sort();
        const actual = edges(objects, d);
        const extra = actual.filter((e) => !expected.includes(e)).map((e) => `${id(d)}: allows ${e}, which the architecture does not need`);
        const missing = expected.filter((e) => !actual.includes(e)).map((e) => `${id(d)}: does not allow ${e}`);
        return [...extra, ...missing];
      }),

  'every workload runs non-root, no privilege escalation, ALL capabilities dropped, read-only root, RuntimeDefault seccomp, /tmp on an emptyDir': (objects) =>
    objects
      .filter((o) => WORKLOADS.includes(o.kind))
      .flatMap((w) => {
        const pod = podSpecOf(w) as { securityContext?: { runAsNonRoot?: boolean; seccompProfile?: { type?: string } }; volumes?: { name: string; emptyDir?: unknown }[] };
        const problems: string[] = [];
        for (const c of allContainers(w)) {
          const sc = (c.securityContext ?? {}) as { runAsNonRoot?: boolean; allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean; capabilities?: { drop?: string[]; add?: string[] }; seccompProfile?: { type?: string }; privileged?: boolean; runAsUser?: number };
          const where = `${id(w)} ${c.name}`;
          if (!(sc.runAsNonRoot ?? pod.securityContext?.runAsNonRoot)) problems.push(`${where}: runAsNonRoot`);
          if (sc.runAsUser === 0) problems.push(`${where}: runAsUser 0`);
          if (sc.allowPrivilegeEscalation !== false) problems.push(`${where}: allowPrivilegeEscalation must be false`);
          if (sc.privileged) problems.push(`${where}: privileged`);
          if (!sc.capabilities?.drop?.includes('ALL')) problems.push(`${where}: capabilities.drop must include ALL`);
          if (sc.capabilities?.add?.length) problems.push(`${where}: adds capabilities`);
          if (sc.readOnlyRootFilesystem !== true) problems.push(`${where}: readOnlyRootFilesystem must be true`);
          if ((sc.seccompProfile?.type ?? pod.securityContext?.seccompProfile?.type) !== 'RuntimeDefault') problems.push(`${where}: seccompProfile RuntimeDefault`);
          const tmp = c.volumeMounts?.find((m) => m.mountPath === '/tmp');
          if (!tmp || !pod.volumes?.some((v) => v.name === tmp.name && v.emptyDir !== undefined)) problems.push(`${where}: no emptyDir on /tmp`);
        }
        return problems;
      }),

  'every image is pinned to a version, never latest or untagged': (objects) =>
    objects.flatMap((o) =>
      containersOf(o).flatMap((c) => {
        const ref = parseImage(String(c.image ?? ''));
        if (ref.digest) return [];
        return !ref.tag || ref.tag === 'latest' || !/\d/.test(ref.tag) ? [`${id(o)} ${c.name}: image ${String(c.image)} is not pinned`] : [];
      }),
    ),

  'gRPC services are headless, the HTTP doors ClusterIPs, and every Service selects pods': (objects) =>
    of(objects, 'Service').flatMap((s) => {
      const spec = s.spec as { clusterIP?: string; selector?: Record<string, string>; ports: { name?: string }[] };
      const problems: string[] = [];
      const grpcOnly = GRPC_SERVICES.includes(s.metadata.name) || s.metadata.name === 'trader-interface-grpc';
      if (grpcOnly && spec.clusterIP !== 'None') problems.push(`${id(s)}: must be headless (clusterIP: None) so gRPC clients balance per call`);
      if (HTTP_DOORS.includes(s.metadata.name) && spec.clusterIP === 'None') problems.push(`${id(s)}: the HTTP door wants a ClusterIP`);
      if (!objects.filter((o) => WORKLOADS.includes(o.kind)).some((w) => selects(spec.selector, podLabels(w)))) problems.push(`${id(s)}: selects no pods`);
      return problems;
    }),

  'Ingresses use TLS and name existing Service ports': (objects) =>
    of(objects, 'Ingress').flatMap((ing) => {
      const spec = ing.spec as { tls?: { hosts?: string[]; secretName?: string }[]; rules: { host: string; http: { paths: { backend: { service: { name: string; port: { name?: string } } } }[] } }[] };
      const tlsHosts = (spec.tls ?? []).flatMap((t) => (t.secretName ? t.hosts ?? [] : []));
      return spec.rules.flatMap((r) => [
        ...(tlsHosts.includes(r.host) ? [] : [`${id(ing)}: host ${r.host} has no TLS`]),
        ...r.http.paths.flatMap(({ backend }) => {
          const svc = of(objects, 'Service').find((s) => s.metadata.name === backend.service.name);
          const ok = svc && (svc.spec as { ports: { name?: string }[] }).ports.some((p) => p.name === backend.service.port.name);
          return ok ? [] : [`${id(ing)}: backend ${backend.service.name}:${backend.service.port.name} does not exist`];
        }),
      ]);
    }),

  // From each service's own configuration, not from the table above: a peer client added in code is a *_GRPC_URL, and
  // a policy that forgot it would leave every call to that peer to time out in the cluster only.
  'every peer a service calls (a *_GRPC_URL its configuration reads) is allowed out of it and into the peer on the gRPC port': (objects) =>
    of(objects, 'Deployment')
      .filter((d) => SERVICES.includes(d.metadata.name))
      .flatMap((d) =>
        PEERS_CALLED[d.metadata.name].flatMap((peer) => {
          const target = deployment(objects, peer);
          const problems: string[] = [];
          if (!edges(objects, d).includes(`out ${peer}:${GRPC_PORT}`)) problems.push(`${id(d)}: calls ${peer} but may not reach it on ${GRPC_PORT}`);
          if (target && !edges(objects, target).includes(`in ${d.metadata.name}:${GRPC_PORT}`)) problems.push(`${id(target)}: does not admit ${d.metadata.name}, which calls it, on ${GRPC_PORT}`);
          return problems;
        }),
      ),

  'every *_GRPC_URL a service is given names a headless Service with that gRPC port': (objects) =>
    of(objects, 'Deployment').flatMap((d) =>
      Object.entries(configuredEnv(objects, d))
        .filter(([k]) => k.endsWith('_GRPC_URL'))
        .flatMap(([k, v]) => {
          const m = /^(?:dns:\/\/\/)?([a-z0-9-]+):(\d+)$/.exec(v);
          const svc = m && of(objects, 'Service').find((s) => s.metadata.name === m[1]);
          const spec = svc?.spec as { clusterIP?: string; ports: { port: number; name?: string }[] } | undefined;
          const ok = m && spec && spec.clusterIP === 'None' && spec.ports.some((p) => p.port === Number(m[2]) && p.name === 'grpc');
          return ok ? [] : [`${id(d)}: ${k}=${v} names no headless Service with a grpc port ${m?.[2] ?? '?'}`];
        }),
    ),

  'only common-repository holds the checkpoint signing key; it and the audit door read every trusted key from its Secret': (objects) => {
    const problems = of(objects, 'Deployment')
      .filter((d) => secretMountPath(d, 'ics2-checkpoint-signing') !== undefined && d.metadata.name !== 'common-repository')
      .map((d) => `${id(d)}: mounts the checkpoint signing key; only common-repository signs`);
    for (const name of ['common-repository', 'audit']) {
      const d = deployment(objects, name);
      if (!d) continue;
      const env = configuredEnv(objects, d);
      const mount = secretMountPath(d, 'ics2-checkpoint-trusted-keys');
      if (!mount || !env.CHECKPOINT_TRUSTED_KEYS_FILE?.startsWith(`${mount}/`)) problems.push(`${id(d)}: CHECKPOINT_TRUSTED_KEYS_FILE (${env.CHECKPOINT_TRUSTED_KEYS_FILE}) is not in the mounted Secret ics2-checkpoint-trusted-keys (${mount})`);
    }
    const audit = deployment(objects, 'audit');
    if (audit && configuredEnv(objects, audit).CHECKPOINT_SIGNING_KEY_FILE) problems.push(`${id(audit)}: the verifier must not sign (CHECKPOINT_SIGNING_KEY_FILE is set)`);
    return problems;
  },

  'the audit door is published alone on its own host, with TLS, client certificates and a source allow-list': (objects) => {
    const ingresses = of(objects, 'Ingress');
    const doors = ingresses.filter((i) => ingressBackends(i).includes('audit'));
    if (doors.length !== 1) return [`${doors.length} Ingresses publish audit; expected exactly one`];
    const [door] = doors;
    const spec = door.spec as IngressSpec;
    const a = door.metadata.annotations ?? {};
    const hosts = spec.rules.map((r) => r.host);
    const problems: string[] = [];
    if (ingressBackends(door).some((b) => b !== 'audit')) problems.push(`${id(door)}: publishes other services too`);
    for (const other of ingresses.filter((i) => i !== door)) {
      const shared = (other.spec as IngressSpec).rules.map((r) => r.host).filter((h) => hosts.includes(h));
      if (shared.length) problems.push(`${id(door)}: shares host ${shared.join(', ')} with ${id(other)}`);
    }
    const paths = spec.rules.flatMap((r) => r.http.paths.map((p) => p.path)).sort();
    if (JSON.stringify(paths) !== JSON.stringify(['/docs', '/docs-json', '/v1/audit'])) problems.push(`${id(door)}: publishes ${paths.join(', ')}; only /v1/audit, /docs and /docs-json`);
    if (a['nginx.ingress.kubernetes.io/auth-tls-verify-client'] !== 'on') problems.push(`${id(door)}: client certificates are not required (auth-tls-verify-client)`);
    const ca = a['nginx.ingress.kubernetes.io/auth-tls-secret'] ?? '';
    const [caNamespace, caName] = ca.split('/');
    if (caName !== 'ics2-audit-client-ca' || (door.metadata.namespace && caNamespace !== door.metadata.namespace)) problems.push(`${id(door)}: auth-tls-secret ${ca} is not ${door.metadata.namespace ?? '<namespace>'}/ics2-audit-client-ca`);
    const ranges = (a['nginx.ingress.kubernetes.io/whitelist-source-range'] ?? '').split(',').map((r) => r.trim()).filter(Boolean);
    if (ranges.length === 0 || ranges.some((r) => !/^[\d.]+\/\d{1,2}$|^[0-9a-f:]+\/\d{1,3}$/i.test(r) || /^0\.0\.0\.0\/0$|^::\/0$/.test(r))) problems.push(`${id(door)}: whitelist-source-range must list the auditors' networks, got ${JSON.stringify(ranges)}`);
    return problems;
  },

  'every ConfigMap a pod refers to exists; no Secret is committed': (objects) => [
    ...objects.flatMap((o) => {
      const missing: string[] = [];
      forEachConfigMapReference(o, (ref) => {
        if (!of(objects, 'ConfigMap').some((c) => c.metadata.name === ref.name)) missing.push(`${id(o)}: ConfigMap ${ref.name} does not exist`);
      });
      return missing;
    }),
    ...of(objects, 'Secret').map((s) => `${id(s)}: Secrets are created by the operator (docs/operations.md), never committed`),
  ],

  'Prometheus can scrape every service: annotations on the HTTP port, and a policy admitting it': (objects) =>
    of(objects, 'Deployment').flatMap((d) => {
      const a = ((d.spec as { template: { metadata?: { annotations?: Record<string, string> } } }).template.metadata?.annotations ?? {}) as Record<string, string>;
      const ok = a['prometheus.io/scrape'] === 'true' && a['prometheus.io/port'] === String(HTTP_PORT) && a['prometheus.io/path'] === '/metrics';
      return ok && edges(objects, d).includes(`in ns:${MONITORING_NAMESPACE}:${HTTP_PORT}`) ? [] : [`${id(d)}: not scrapable on ${HTTP_PORT}/metrics`];
    }),
};

/** Secret names the manifests reference: env, volumes, and custom resources' secret references. */
function secretNames(objects: K8sObject[]): string[] {
  const names = new Set<string>();
  const walk = (v: unknown, key?: string): void => {
    if (Array.isArray(v)) v.forEach((x) => walk(x));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ((key === 'secretKeyRef' || key === 'passwordSecret' || key === 'secret' || key === 'accessKeyId' || key === 'secretAccessKey') && typeof o.name === 'string') names.add(o.name);
      if (typeof o.secretName === 'string') names.add(o.secretName);
      // The audit door's client CA, named `namespace/name` in an ingress-nginx annotation.
      const ca = key === 'annotations' ? o['nginx.ingress.kubernetes.io/auth-tls-secret'] : undefined;
      if (typeof ca === 'string') names.add(ca.split('/').pop() as string);
      for (const [k, x] of Object.entries(o)) walk(x, k);
    }
  };
  objects.forEach((o) => walk(o));
  return [...names].sort();
}

const rendered = new Map<string, K8sObject[]>();
function renderSubset(r: (typeof RENDERS)[number]): K8sObject[] {
  if (!rendered.has(r.name)) rendered.set(r.name, build(r.dir, r.inline));
  return rendered.get(r.name) as K8sObject[];
}

const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8', timeout: 15_000 });
const hasKubectl = kubectl.status === 0;

function renderKubectl(r: (typeof RENDERS)[number]): K8sObject[] {
  let dir = r.dir;
  let temp: string | undefined;
  if (r.inline) {
    // kustomize refuses absolute paths: a temporary kustomization pointing back here by relative paths.
    temp = mkdtempSync(join(tmpdir(), 'ics2-kustomize-'));
    const back = (p: string) => relative(temp as string, resolve(r.dir, p));
    writeFileSync(join(temp, 'kustomization.yaml'), JSON.stringify({ resources: (r.inline.resources ?? []).map(back), components: (r.inline.components ?? []).map(back) }));
    dir = temp;
  }
  try {
    const out = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', timeout: 60_000 });
    if (out.status !== 0) throw new Error(`kubectl kustomize ${r.name} failed: ${out.stderr}`);
    return parseAllDocuments(out.stdout).map((d) => d.toJS() as K8sObject).filter(Boolean);
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

/** Generated names differ between the two renderers (own hash): compare without the suffixes, in a stable order. */
function normalise(objects: K8sObject[]): Record<string, unknown> {
  const generated = new Set(of(objects, 'ConfigMap').map((c) => c.metadata.name).filter((n) => /-[a-z0-9]{10}$/.test(n)));
  const strip = (s: string) => (generated.has(s) ? s.replace(/-[a-z0-9]{10}$/, '') : s);
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortKeys)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, typeof x === 'string' ? strip(x) : sortKeys(x)]))
        : v;
  return Object.fromEntries(objects.map((o) => [`${o.kind}/${o.metadata.namespace ?? ''}/${strip(o.metadata.name)}`, sortKeys(o)]));
}

// ---- the tests ---------------------------------------------------------------------------------------------------

describe('infra/k8s', () => {
  beforeAll(() => {
    console.info(
      hasKubectl
        ? `manifests: rendered with the in-test kustomize subset AND with kubectl kustomize (${kubectl.stdout.split('\n')[0].trim()})`
        : 'manifests: kubectl not on PATH; rendered with the in-test kustomize subset only (the kubectl checks are skipped)',
    );
  });

  describe('files', () => {
    it('every kustomization lists only resources, components, patches and generator files that exist', () => {
      expect(usage().problems).toEqual([]);
    });

    it('every YAML file is a kustomization, a resource or a patch that some kustomization uses', () => {
      const u = usage();
      const unused = yamlFiles.filter((f) => !KUSTOMIZATION_FILES.includes(f.split('/').pop() as string) && !u.resources.has(f) && !u.patches.has(f) && !u.generated.has(f));
      expect(unused.map(rel)).toEqual([]);
    });

    it('every resource file parses and each of its objects validates', () => {
      const problems = [...usage().resources].flatMap((f) => {
        try {
          return loadObjects(f).flatMap((o) => validateObject(o).map((p) => `${rel(f)}: ${p}`));
        } catch (e) {
          return [`${rel(f)}: ${e instanceof Error ? e.message : String(e)}`];
        }
      });
      expect(problems).toEqual([]);
    });

    it('every patch file is a JSON 6902 list or a named partial object', () => {
      const problems = [...usage().patches].flatMap(([file, dir]) => {
        const k = readKustomization(dir);
        const entry = (k.patches ?? []).find((p) => p.path && resolve(dir, p.path) === file);
        const content = patchContent(dir, entry ?? { path: file });
        if (content.kind === 'json6902') {
          return content.ops.filter((op) => !['add', 'replace', 'remove'].includes(String(op.op)) || !String(op.path).startsWith('/')).map((op) => `${rel(file)}: bad operation ${JSON.stringify(op)}`);
        }
        return content.patch.apiVersion && content.patch.kind && content.patch.metadata?.name ? [] : [`${rel(file)}: a strategic merge patch names apiVersion, kind and metadata.name`];
      });
      expect(problems).toEqual([]);
    });

    it('no Secret, no secretGenerator and no credentials are committed', () => {
      const problems = allFiles.flatMap((f) => {
        const text = readFileSync(f, 'utf8');
        return [
          ...(/^kind:\s*Secret\s*$/m.test(text) ? [`${rel(f)}: a Secret object`] : []),
          ...(/secretGenerator/.test(text) ? [`${rel(f)}: a secretGenerator`] : []),
          ...(/[a-z]+:\/\/[^\s/:@]+:[^\s@]+@/.test(text) ? [`${rel(f)}: a URL with a password`] : []),
          ...(/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text) ? [`${rel(f)}: a private key`] : []),
        ];
      });
      expect(problems).toEqual([]);
    });

    it('overlay and component patches, and merged generators, target objects that exist in the base', () => {
      const base = renderSubset(RENDERS[0]);
      const baseGenerated = new Set(of(base, 'ConfigMap').map((c) => c.metadata.name.replace(/-[a-z0-9]{10}$/, '')));
      const dirs = kustomizationDirs.filter((d) => !rel(d).startsWith('infra/k8s/base'));
      const problems = dirs.flatMap((dir) => {
        const k = readKustomization(dir);
        // An overlay's own resources (its database, its namespace) may be patched too; nothing else may.
        const own = (k.resources ?? []).filter((r) => !resolve(dir, r).startsWith(join(K8S, 'base'))).flatMap((r) => {
          const p = resolve(dir, r);
          return statSync(p).isDirectory() ? build(p) : loadObjects(p);
        });
        return [
          ...(k.patches ?? []).filter((p) => patchTargets(dir, p, [...base, ...own]).length === 0).map((p) => `${rel(dir)}: patch ${p.path ?? JSON.stringify(p.target)} targets nothing in the base`),
          ...(k.configMapGenerator ?? []).filter((g) => g.behavior && g.behavior !== 'create' && !baseGenerated.has(g.name)).map((g) => `${rel(dir)}: configMapGenerator ${g.name} merges into nothing in the base`),
        ];
      });
      expect(dirs.length).toBeGreaterThanOrEqual(4);
      expect(problems).toEqual([]);
    });

    it('each overlay pins every platform image the base uses', () => {
      const baseImages = new Set(renderSubset(RENDERS[0]).flatMap((o) => containersOf(o).map((c) => parseImage(String(c.image)).name)));
      const problems = ['dev', 'prod'].flatMap((o) => {
        const pinned = new Map((readKustomization(join(K8S, 'overlays', o)).images ?? []).map((i) => [i.name, i]));
        return [...baseImages].filter((n) => !pinned.get(n)?.newTag && !pinned.get(n)?.digest).map((n) => `overlays/${o}: images: does not pin ${n}`);
      });
      expect(problems).toEqual([]);
    });
  });

  describe.each(RENDERS.map((r) => [r.name, r] as const))('%s, rendered by the in-test kustomize subset', (_name, r) => {
    it.each(Object.keys(RULES))('%s', (rule) => {
      expect(RULES[rule](renderSubset(r))).toEqual([]);
    });
  });

  describe('what each render must contain', () => {
    it('base: no namespace, no database of its own, tracing off', () => {
      const objects = renderSubset(RENDERS[0]);
      expect(tracesConfigured(objects)).toBe(false);
      expect(objects.filter((o) => o.metadata.namespace).map(id)).toEqual([]);
      expect(objects.filter((o) => o.kind === 'StatefulSet' || o.kind === 'Cluster').map(id)).toEqual([]);
    });

    it('dev: everything in ics2-dev, one PostgreSQL StatefulSet labelled as the database', () => {
      const objects = renderSubset(RENDERS[1]);
      expect(objects.filter((o) => o.kind !== 'Namespace' && o.metadata.namespace !== 'ics2-dev').map(id)).toEqual([]);
      const pg = of(objects, 'StatefulSet').find((s) => s.metadata.name === 'postgres');
      expect((pg?.spec as { replicas: number }).replicas).toBe(1);
      expect(podLabels(pg as K8sObject)['ics2.eu/role']).toBe('database');
      expect(of(objects, 'Cluster')).toEqual([]);
    });

    it('prod: a CloudNativePG cluster whose roles match the migrations, backups, a ServiceMonitor, TLS to the database, traces', () => {
      const objects = renderSubset(RENDERS[2]);
      expect(tracesConfigured(objects)).toBe(true);
      expect(objects.filter((o) => o.kind !== 'Namespace' && o.metadata.namespace !== 'ics2').map(id)).toEqual([]);
      const cluster = objects.find((o) => o.apiVersion === 'postgresql.cnpg.io/v1' && o.kind === 'Cluster');
      const spec = cluster?.spec as { instances: number; inheritedMetadata: { labels: Record<string, string> }; managed: { roles: { name: string; login?: boolean; inRoles?: string[] }[] } };
      expect(spec.instances).toBeGreaterThanOrEqual(3);
      expect(spec.inheritedMetadata.labels['ics2.eu/role']).toBe('database');
      expect(spec.managed.roles).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'ics2_app', login: false }), expect.objectContaining({ name: 'ics2_service', login: true, inRoles: ['ics2_app'] })]));
      const backup = objects.find((o) => o.kind === 'ScheduledBackup');
      expect((backup?.spec as { cluster: { name: string } }).cluster.name).toBe(cluster?.metadata.name);
      const monitor = objects.find((o) => o.kind === 'ServiceMonitor');
      const monitored = of(objects, 'Service').filter((s) => selects((monitor?.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels, s.metadata.labels ?? {}));
      expect(monitored.map((s) => s.metadata.name).sort()).toEqual([...SERVICES].sort());
      for (const d of of(objects, 'Deployment')) {
        for (const c of allContainers(d)) expect(c.volumeMounts?.map((m) => m.mountPath)).toContain('/var/run/secrets/ics2/db-ca');
      }
    });

    it('the kurrentdb component switches every service and its migrations to KurrentDB', () => {
      const objects = renderSubset(RENDERS[3]);
      const shared = of(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('ics2-shared-config'));
      expect((shared?.data as Record<string, string>).EVENT_STORE).toBe('kurrentdb');
      for (const d of of(objects, 'Deployment')) {
        for (const c of allContainers(d)) expect(c.env?.find((e) => e.name === 'KURRENTDB_URL')?.valueFrom?.secretKeyRef?.name).toBe('ics2-kurrentdb');
      }
    });

    it('docs/operations.md names every Secret the manifests reference', () => {
      const docs = readFileSync(join(ROOT, 'docs', 'operations.md'), 'utf8');
      const names = [...new Set(RENDERS.flatMap((r) => secretNames(renderSubset(r))))];
      expect(names.length).toBeGreaterThan(5);
      expect(names.filter((n) => !docs.includes(`\`${n}\``))).toEqual([]);
    });
  });

  (hasKubectl ? describe : describe.skip).each(RENDERS.map((r) => [r.name, r] as const))('%s, rendered by kubectl kustomize (kubectl found on PATH)', (_name, r) => {
    let objects: K8sObject[] = [];
    beforeAll(() => {
      objects = renderKubectl(r);
    });
    it('renders the same objects as the in-test subset', () => {
      expect(normalise(objects)).toEqual(normalise(renderSubset(r)));
    });
    it.each(Object.keys(RULES))('%s', (rule) => {
      expect(RULES[rule](objects)).toEqual([]);
    });
  });
});

describe('infra/k8s/components/observability/grafana-dashboard.json', () => {
  const dashboard = JSON.parse(readFileSync(join(K8S, 'components', 'observability', 'grafana-dashboard.json'), 'utf8')) as {
    uid: string;
    panels: { id: number; type: string; targets?: { expr: string }[] }[];
  };
  const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));

  it('queries only metrics the platform exports (ics2_* defined in libs/ or services/, and prom-client defaults)', () => {
    const sources = [...filesUnder(join(ROOT, 'libs')), ...filesUnder(join(ROOT, 'services'))].filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
    const defined = new Set(sources.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/name:\s*'(ics2_\w+)'/g)].map((m) => m[1])));
    const used = [...new Set(exprs.flatMap((e) => [...e.matchAll(/\b(ics2_[a-z0-9_]+?)(?:_bucket|_count|_sum)?\b(?=[{\[\s)])/g)].map((m) => m[1])))];
    expect(used.length).toBeGreaterThanOrEqual(5);
    expect(used.filter((m) => !defined.has(m))).toEqual([]);
    const other = [...new Set(exprs.flatMap((e) => [...e.matchAll(/\b((?:process|nodejs)_[a-z0-9_]+)\b/g)].map((m) => m[1])))];
    expect(other.filter((m) => !['process_start_time_seconds', 'process_resident_memory_bytes', 'process_cpu_seconds_total', 'nodejs_eventloop_lag_p99_seconds'].includes(m))).toEqual([]);
  });

  it('has unique panel ids and a templated Prometheus data source', () => {
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(exprs.length).toBeGreaterThan(10);
    expect(JSON.stringify(dashboard)).toContain('"uid": "${datasource}"'.replace(': ', ':'));
  });
});

describe('docker/', () => {
  const dockerfile = readFileSync(join(ROOT, 'docker', 'Dockerfile'), 'utf8');
  const instructions = dockerfile.split('\n').filter((l) => /^[A-Z]+\s/.test(l));

  it('Dockerfile: pinned Node 20 base, lockfile install, production prune, non-root user, health check, OCI labels', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20\.\d+\.\d+-[a-z]+-slim$/m);
    expect(instructions.filter((l) => l.startsWith('FROM')).every((l) => l.startsWith('FROM ${NODE_IMAGE}'))).toBe(true);
    expect(instructions.filter((l) => /npm ci\b/.test(l))).toEqual([]);
    expect(instructions).toEqual(expect.arrayContaining(['RUN npm install --no-audit --no-fund', 'RUN npx tsc -p tsconfig.build.json', 'RUN npm prune --omit=dev --no-audit --no-fund']));
    expect(instructions.find((l) => l.startsWith('USER'))).toMatch(/^USER [1-9]\d*:[1-9]\d*$/);
    const healthcheck = instructions.find((l) => l.startsWith('HEALTHCHECK')) ?? '';
    expect(healthcheck).toContain('/health/live');
    expect(healthcheck).not.toMatch(/curl|wget/);
    for (const label of ['title', 'source', 'version', 'revision', 'licenses', 'created']) expect(dockerfile).toContain(`org.opencontainers.image.${label}=`);
    expect(instructions.find((l) => l.startsWith('CMD'))).toContain('node -r ./infra/local/register-dist-paths.cjs');
  });

  it('.dockerignore admits everything the build stage copies and keeps local data, keys and installed trees out', () => {
    const rules = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    const copied = instructions.filter((l) => l.startsWith('COPY ') && !l.includes('--from')).flatMap((l) => l.split(/\s+/).slice(1, -1));
    expect(copied.filter((c) => !rules.includes(`!${c}`))).toEqual([]);
    expect(rules).toEqual(expect.arrayContaining(['*', '**/node_modules', '**/dist', '**/.data']));
  });

  it('compose.yaml: PostgreSQL, a one-shot migration, the six services with what they need, KurrentDB as a profile', () => {
    const compose = parseYaml(readFileSync(join(ROOT, 'docker', 'compose.yaml'), 'utf8'), { merge: true }) as {
      services: Record<string, { image: string; profiles?: string[]; environment?: Record<string, string>; read_only?: boolean; volumes?: string[]; depends_on?: Record<string, { condition: string }>; command?: string[]; build?: { args?: Record<string, string> } }>;
    };
    const s = compose.services;
    expect(Object.keys(s).sort()).toEqual([...SERVICES, 'kurrentdb', 'migrate', 'postgres'].sort());
    for (const [name, svc] of Object.entries(s)) {
      const tag = parseImage(svc.image.replace(/\$\{[A-Z_]+:-([^}]+)\}/g, '$1')).tag;
      expect([name, tag && tag !== 'latest' && /\d/.test(tag)]).toEqual([name, true]);
    }
    expect(s.kurrentdb.profiles).toEqual(['kurrentdb']);
    expect(s.migrate.command).toEqual(['node', 'docker/migrate.cjs']);
    for (const name of SERVICES) {
      const env = s[name].environment ?? {};
      // The audit door verifies checkpoints and never signs them; the others are given the key as npm start's signer is.
      const signing = name === 'audit' ? ['CHECKPOINT_TRUSTED_KEYS_FILE'] : ['CHECKPOINT_SIGNING_KEY_FILE', 'CHECKPOINT_PUBLIC_KEY_FILE'];
      const needed = ['DATABASE_URL', 'AUTH_PUBLIC_KEY_FILE', ...signing, ...AUDIT_SOURCES.map((x) => `${x.toUpperCase().replace(/-/g, '_')}_GRPC_URL`)];
      expect([name, needed.filter((v) => !env[v])]).toEqual([name, []]);
      if (name === 'audit') expect(env.CHECKPOINT_SIGNING_KEY_FILE ?? '').toBe('');
      expect(env.DATABASE_URL).toContain('ics2_service');
      expect(s[name].build?.args?.SERVICE).toBe(name);
      expect(s[name].read_only).toBe(true);
      expect(s[name].volumes?.some((v) => v.endsWith(':/keys:ro'))).toBe(true);
      expect(s[name].depends_on?.migrate.condition).toBe('service_completed_successfully');
    }
    const initScript = (s.postgres.volumes ?? []).map((v) => v.split(':')[0]).find((v) => v.endsWith('.sh')) as string;
    expect(existsSync(resolve(ROOT, 'docker', initScript))).toBe(true);
  });
});
