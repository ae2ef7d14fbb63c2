/**
 * A small kustomize: exactly the part of `kubectl kustomize` that infra/k8s uses, so the manifests test can render
 * the overlays on machines without kubectl (our CI has none it can rely on). Supported in a kustomization.yaml:
 * resources (files and folders), components, namespace, images, patches (strategic merge or JSON 6902, from a file
 * or inline, with a target by kind, name and label selector), configMapGenerator (literals, files, behavior
 * create/merge/replace, options labels and disableNameSuffixHash) with hashed names and rewritten references.
 * Any other field is refused rather than ignored, so this subset cannot quietly drift from kustomize; where kubectl
 * exists the test also renders with it and compares the two. Over 300 lines on purpose: one renderer, one file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseAllDocuments, parse as parseYaml } from 'yaml';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface PatchTarget {
  readonly group?: string;
  readonly version?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly labelSelector?: string;
}

export interface PatchEntry {
  readonly path?: string;
  readonly patch?: string;
  readonly target?: PatchTarget;
}

export interface GeneratorEntry {
  readonly name: string;
  readonly behavior?: 'create' | 'merge' | 'replace';
  readonly literals?: string[];
  readonly files?: string[];
  readonly options?: GeneratorOptions;
}

interface GeneratorOptions {
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
  readonly disableNameSuffixHash?: boolean;
}

export interface Kustomization {
  readonly apiVersion?: string;
  readonly kind?: 'Kustomization' | 'Component';
  readonly resources?: string[];
  readonly components?: string[];
  readonly namespace?: string;
  readonly images?: { name: string; newName?: string; newTag?: string; digest?: string }[];
  readonly patches?: PatchEntry[];
  readonly configMapGenerator?: GeneratorEntry[];
  readonly generatorOptions?: GeneratorOptions;
}

const SUPPORTED = new Set(['apiVersion', 'kind', 'resources', 'components', 'namespace', 'images', 'patches', 'configMapGenerator', 'generatorOptions']);
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'StorageClass', 'PriorityClass']);
export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

interface Item {
  obj: K8sObject;
  /** For generated ConfigMaps: the name before the hash suffix, and whether one is added. */
  generated?: { readonly name: string; readonly hash: boolean };
}

export function kustomizationFile(dir: string): string | undefined {
  return KUSTOMIZATION_FILES.map((f) => join(dir, f)).find((f) => existsSync(f));
}

export function readKustomization(dir: string): Kustomization {
  const file = kustomizationFile(dir);
  if (!file) throw new Error(`${dir}: no kustomization.yaml`);
  const k = parseYaml(readFileSync(file, 'utf8')) as Kustomization & Record<string, unknown>;
  const unsupported = Object.keys(k).filter((key) => !SUPPORTED.has(key));
  if (unsupported.length) throw new Error(`${file}: fields outside the test's kustomize subset: ${unsupported.join(', ')}`);
  return k;
}

/** Renders a kustomization folder (or an in-memory one, resolved against `dir`) to its objects. */
export function build(dir: string, inline?: Kustomization): K8sObject[] {
  const items = render(resolve(dir), inline ?? readKustomization(dir), []);
  return finalize(items);
}

function render(dir: string, k: Kustomization, input: Item[]): Item[] {
  let items = [...input];
  for (const r of k.resources ?? []) {
    const path = resolve(dir, r);
    if (!existsSync(path)) throw new Error(`${dir}: resource ${r} does not exist`);
    if (statSync(path).isDirectory()) {
      const sub = readKustomization(path);
      if (sub.kind === 'Component') throw new Error(`${dir}: ${r} is a Component; list it under components`);
      items.push(...render(path, sub, []));
    } else items.push(...loadObjects(path).map((obj) => ({ obj })));
  }
  for (const c of k.components ?? []) {
    const path = resolve(dir, c);
    const component = readKustomization(path);
    if (component.kind !== 'Component') throw new Error(`${dir}: ${c} is not a kind: Component`);
    items = render(path, component, items);
  }
  for (const g of k.configMapGenerator ?? []) items = generate(dir, g, k.generatorOptions ?? {}, items);
  for (const p of k.patches ?? []) applyPatch(dir, p, items);
  if (k.namespace) {
    for (const { obj } of items) if (!CLUSTER_SCOPED.has(obj.kind)) obj.metadata.namespace = k.namespace;
  }
  for (const image of k.images ?? []) {
    for (const { obj } of items) {
      for (const c of containersOf(obj)) {
        const ref = parseImage(String(c.image));
        if (ref.name !== image.name) continue;
        const name = image.newName ?? ref.name;
        const tag = image.newTag ?? ref.tag;
        const digest = image.digest ?? (image.newTag ? undefined : ref.digest);
        c.image = `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
      }
    }
  }
  return items;
}

export function loadObjects(file: string): K8sObject[] {
  const out: K8sObject[] = [];
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
    const obj = doc.toJS({ maxAliasCount: 100 }) as K8sObject | null;
    if (obj === null) continue;
    if (!obj.apiVersion || !obj.kind || !obj.metadata?.name) throw new Error(`${file}: an object without apiVersion, kind or metadata.name`);
    out.push(obj);
  }
  return out;
}

// ---- generators --------------------------------------------------------------------------------------------------

function generate(dir: string, g: GeneratorEntry, defaults: GeneratorOptions, items: Item[]): Item[] {
  const data: Record<string, string> = {};
  for (const literal of g.literals ?? []) {
    const eq = literal.indexOf('=');
    if (eq <= 0) throw new Error(`${dir}: configMapGenerator ${g.name}: literal without KEY=value: ${literal}`);
    data[literal.slice(0, eq)] = literal.slice(eq + 1);
  }
  for (const entry of g.files ?? []) {
    const eq = entry.indexOf('=');
    const [key, path] = eq > 0 ? [entry.slice(0, eq), entry.slice(eq + 1)] : [basename(entry), entry];
    const file = resolve(dir, path);
    if (!existsSync(file)) throw new Error(`${dir}: configMapGenerator ${g.name}: file ${path} does not exist`);
    data[key] = readFileSync(file, 'utf8');
  }
  const options = { ...defaults, ...g.options };
  const behavior = g.behavior ?? 'create';
  const existing = items.find((i) => i.generated?.name === g.name);
  if (behavior === 'create') {
    if (existing) throw new Error(`${dir}: configMapGenerator ${g.name} exists already (use behavior: merge)`);
    const obj: K8sObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: g.name }, data };
    if (options.labels) obj.metadata.labels = { ...options.labels };
    if (options.annotations) obj.metadata.annotations = { ...options.annotations };
    return [...items, { obj, generated: { name: g.name, hash: !options.disableNameSuffixHash } }];
  }
  if (!existing) throw new Error(`${dir}: configMapGenerator ${g.name} (behavior ${behavior}) has nothing to ${behavior}`);
  existing.obj.data = behavior === 'merge' ? { ...(existing.obj.data as Record<string, string>), ...data } : data;
  if (options.labels) existing.obj.metadata.labels = { ...existing.obj.metadata.labels, ...options.labels };
  return items;
}

/** Hash suffixes on generated ConfigMaps, and every reference to them renamed. */
function finalize(items: Item[]): K8sObject[] {
  const renamed = new Map<string, string>();
  for (const item of items) {
    if (!item.generated?.hash) continue;
    const digest = createHash('sha256').update(JSON.stringify({ data: item.obj.data, name: item.generated.name })).digest();
    const alphabet = 'bcdfghkmt2456789';
    const suffix = [...digest.subarray(0, 10)].map((b) => alphabet[b % alphabet.length]).join('');
    const name = `${item.generated.name}-${suffix}`;
    renamed.set(`${item.obj.metadata.namespace ?? ''}/${item.generated.name}`, name);
    item.obj.metadata.name = name;
  }
  for (const { obj } of items) {
    const ns = obj.metadata.namespace ?? '';
    forEachConfigMapReference(obj, (ref) => {
      const to = renamed.get(`${ns}/${ref.name}`);
      if (to) ref.name = to;
    });
  }
  return items.map((i) => i.obj);
}

// ---- pod specs ---------------------------------------------------------------------------------------------------

type Container = { name: string; image?: unknown; [k: string]: unknown };
type PodSpec = { containers?: Container[]; initContainers?: Container[]; volumes?: JsonObject[]; [k: string]: unknown };

export function podSpecOf(obj: K8sObject): PodSpec | undefined {
  const spec = obj.spec as { template?: { spec?: PodSpec }; jobTemplate?: { spec?: { template?: { spec?: PodSpec } } } } | undefined;
  if (obj.kind === 'Pod') return obj.spec as PodSpec;
  if (obj.kind === 'CronJob') return spec?.jobTemplate?.spec?.template?.spec;
  return spec?.template?.spec;
}

export function containersOf(obj: K8sObject): Container[] {
  const pod = podSpecOf(obj);
  return pod ? [...(pod.initContainers ?? []), ...(pod.containers ?? [])] : [];
}

export function forEachConfigMapReference(obj: K8sObject, visit: (ref: { name: string }) => void): void {
  const pod = podSpecOf(obj);
  if (!pod) return;
  for (const v of pod.volumes ?? []) {
    const volume = v as { configMap?: { name: string }; projected?: { sources?: { configMap?: { name: string } }[] } };
    if (volume.configMap) visit(volume.configMap);
    for (const s of volume.projected?.sources ?? []) if (s.configMap) visit(s.configMap);
  }
  for (const c of containersOf(obj)) {
    for (const e of (c.envFrom as { configMapRef?: { name: string } }[] | undefined) ?? []) if (e.configMapRef) visit(e.configMapRef);
    for (const e of (c.env as { valueFrom?: { configMapKeyRef?: { name: string } } }[] | undefined) ?? []) {
      if (e.valueFrom?.configMapKeyRef) visit(e.valueFrom.configMapKeyRef);
    }
  }
}

export function parseImage(image: string): { name: string; tag?: string; digest?: string } {
  const [rest, digest] = image.split('@');
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  return colon > slash ? { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest } : { name: rest, digest };
}

// ---- patches -----------------------------------------------------------------------------------------------------

export function patchContent(dir: string, p: PatchEntry): { kind: 'json6902'; ops: JsonObject[] } | { kind: 'strategic'; patch: K8sObject } {
  const text = p.path ? readFileSync(resolve(dir, p.path), 'utf8') : p.patch;
  if (text === undefined) throw new Error(`${dir}: a patch needs a path or a patch`);
  const parsed = parseYaml(text) as unknown;
  if (Array.isArray(parsed)) {
    if (!p.target) throw new Error(`${dir}: a JSON 6902 patch needs a target`);
    return { kind: 'json6902', ops: parsed as JsonObject[] };
  }
  return { kind: 'strategic', patch: parsed as K8sObject };
}

/** The objects a patch applies to: its target, or (strategic merge without one) the object it names. */
export function patchTargets(dir: string, p: PatchEntry, objects: K8sObject[]): K8sObject[] {
  const content = patchContent(dir, p);
  const target: PatchTarget =
    p.target ?? (content.kind === 'strategic' ? { kind: content.patch.kind, name: content.patch.metadata?.name } : {});
  return objects.filter((o) => matches(o, target));
}

function matches(obj: K8sObject, t: PatchTarget): boolean {
  const [group, version] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : ['', obj.apiVersion];
  if (t.kind && t.kind !== obj.kind) return false;
  if (t.group !== undefined && t.group !== group) return false;
  if (t.version && t.version !== version) return false;
  if (t.name && !new RegExp(`^(?:${t.name})$`).test(obj.metadata.name)) return false;
  if (t.labelSelector) {
    for (const term of t.labelSelector.split(',').map((s) => s.trim())) {
      const m = /^([\w./-]+)=([\w.-]*)$/.exec(term);
      if (!m) throw new Error(`label selector outside the test's kustomize subset: ${term}`);
      if (obj.metadata.labels?.[m[1]] !== m[2]) return false;
    }
  }
  return true;
}

function applyPatch(dir: string, p: PatchEntry, items: Item[]): void {
  const targets = patchTargets(dir, p, items.map((i) => i.obj));
  if (targets.length === 0) throw new Error(`${dir}: patch ${p.path ?? JSON.stringify(p.target)} matches no object`);
  const content = patchContent(dir, p);
  for (const obj of targets) {
    if (content.kind === 'json6902') for (const op of content.ops) applyOperation(obj as unknown as JsonObject, op);
    else {
      const { metadata, ...rest } = content.patch;
      const { name: _name, ...meta } = metadata ?? { name: '' };
      strategicMerge(obj as unknown as JsonObject, { ...(rest as unknown as JsonObject), metadata: meta as JsonObject });
    }
  }
}

function applyOperation(doc: JsonObject, op: JsonObject): void {
  const path = String(op.path)
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = path.pop();
  if (last === undefined) throw new Error('a JSON patch on the whole document');
  let parent: Json = doc;
  for (const key of path) {
    parent = Array.isArray(parent) ? parent[Number(key)] : (parent as JsonObject | null)?.[key] ?? null;
    if (parent === null || typeof parent !== 'object') throw new Error(`JSON patch path ${op.path} does not exist`);
  }
  const container = parent as JsonObject | Json[];
  if (op.op === 'add' || op.op === 'replace') {
    if (Array.isArray(container)) {
      if (last === '-') container.push(op.value);
      else if (op.op === 'add') container.splice(Number(last), 0, op.value);
      else container[Number(last)] = op.value;
    } else {
      if (op.op === 'replace' && !(last in container)) throw new Error(`JSON patch replace: ${op.path} does not exist`);
      container[last] = op.value;
    }
  } else if (op.op === 'remove') {
    if (Array.isArray(container)) container.splice(Number(last), 1);
    else if (last in container) delete container[last];
    else throw new Error(`JSON patch remove: ${op.path} does not exist`);
  } else throw new Error(`JSON patch op outside the test's kustomize subset: ${String(op.op)}`);
}

/** Maps merge; lists of objects merge by name (containers, env, volumes, mounts, ports); other lists are replaced. */
function strategicMerge(target: JsonObject, patch: JsonObject): void {
  for (const [key, value] of Object.entries(patch)) {
    const current = target[key];
    if (value === null) delete target[key];
    else if (Array.isArray(value) && Array.isArray(current) && mergeKeyOf(value) && mergeKeyOf(current) === mergeKeyOf(value)) {
      const mk = mergeKeyOf(value) as string;
      for (const item of value as JsonObject[]) {
        const i = (current as JsonObject[]).findIndex((c) => c[mk] === item[mk]);
        if (item.$patch === 'delete') {
          if (i >= 0) current.splice(i, 1);
        } else if (i >= 0) strategicMerge(current[i] as JsonObject, item);
        else current.push(item);
      }
    } else if (isObject(value) && isObject(current)) strategicMerge(current, value);
    else target[key] = value;
  }
}

function mergeKeyOf(list: Json[]): string | undefined {
  if (list.length === 0 || !list.every(isObject)) return undefined;
  return ['name', 'containerPort', 'port'].find((k) => (list as JsonObject[]).every((i) => i[k] !== undefined));
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
