/**
 * The cluster as the simulated API server describes it: plain records built from the sim state
 * at one moment, shared by every sub-command so that `get`, `describe`, `top` and `logs` never
 * disagree about a pod.
 */
import type { Deployment, DeploymentName, LogService, Pod } from '../../../sim/index.ts';
import type { Labels } from './labels.ts';

export type Port = { port: number; protocol: 'TCP' | 'UDP'; name?: string };

export type EnvVar =
  { name: string; value: string } | { name: string; secret: string; key: string };

export type ContainerSpec = {
  name: string;
  image: string;
  ports: readonly Port[];
  args?: readonly string[];
  limits: { cpu?: string; memory?: string };
  requests: { cpu?: string; memory?: string };
  env: readonly EnvVar[];
  /** Probes as describe prints them: `http-get http://:8080/readyz delay=0s timeout=1s ...`. */
  liveness?: string;
  readiness?: string;
};

export type Termination = { reason: string; exitCode: number; finishedAt: number };

export type ContainerState =
  | { kind: 'none' }
  | { kind: 'waiting'; reason: 'ContainerCreating' | 'CrashLoopBackOff'; message?: string }
  | { kind: 'running'; startedAt: number };

/** Where a pod's container writes its log lines in the sim's log store. */
export type LogFeed = { source: string; services: readonly LogService[] };

export type KPod = {
  name: string;
  namespace: string;
  uid: string;
  labels: Labels;
  owner: { kind: 'ReplicaSet' | 'StatefulSet' | 'DaemonSet' | 'Job'; name: string };
  createdAt: number;
  /** Null while the scheduler has not placed it. */
  node: string | null;
  ip: string | null;
  hostNetwork: boolean;
  container: ContainerSpec;
  state: ContainerState;
  ready: boolean;
  terminating: boolean;
  restarts: number;
  lastTermination: Termination | null;
  /** kubectl's STATUS column. */
  status: string;
  phase: 'Pending' | 'Running';
  /** What metrics-server reports, or null before its first scrape of the container. */
  usage: { cpuMilli: number; memoryMiB: number } | null;
  logs: LogFeed;
  qos: 'Guaranteed' | 'Burstable' | 'BestEffort';
  serviceAccount: string;
  priorityClass?: string;
  dnsOptions?: { ndots: number; timeoutMs: number; attempts: number };
  sim: Pod | null;
};

export type Revision = {
  revision: number;
  changeCause: string;
  rsName: string;
  container: ContainerSpec;
  createdAt: number;
};

export type KDeployment = {
  name: string;
  namespace: string;
  labels: Labels;
  selector: Labels;
  createdAt: number;
  replicas: number;
  revision: number;
  templateLabels: Labels;
  container: ContainerSpec;
  history: readonly Revision[];
  pods: readonly KPod[];
  /** Status counts, as the deployment controller reports them. */
  updated: number;
  total: number;
  ready: number;
  available: number;
  sim: Deployment | null;
  simName: DeploymentName | null;
  dnsOptions?: { ndots: number; timeoutMs: number; attempts: number };
};

export type KReplicaSet = {
  name: string;
  namespace: string;
  deployment: string;
  revision: number;
  labels: Labels;
  desired: number;
  current: number;
  ready: number;
  createdAt: number;
  container: ContainerSpec;
};

export type KStatefulSet = {
  name: string;
  namespace: string;
  labels: Labels;
  replicas: number;
  ready: number;
  createdAt: number;
  container: ContainerSpec;
};

export type KDaemonSet = {
  name: string;
  namespace: string;
  labels: Labels;
  desired: number;
  ready: number;
  nodeSelector: string;
  createdAt: number;
  container: ContainerSpec;
};

export type KService = {
  name: string;
  namespace: string;
  type: 'ClusterIP' | 'LoadBalancer';
  clusterIP: string;
  externalIP: string | null;
  ports: readonly (Port & { targetPort: number; nodePort?: number })[];
  selector: Labels | null;
  labels: Labels;
  createdAt: number;
};

export type KNode = {
  name: string;
  ip: string;
  createdAt: number;
  cpuMilli: number;
  memoryMiB: number;
  allocCpuMilli: number;
  allocMemoryMiB: number;
  labels: Labels;
};

export type KJob = {
  name: string;
  namespace: string;
  /** The sim's name for it (`stopJob` takes this). */
  simName: string;
  createdAt: number;
  labels: Labels;
  container: ContainerSpec;
};

export type KPvc = {
  name: string;
  namespace: string;
  volume: string;
  capacity: string;
  storageClass: string;
  createdAt: number;
};

export type KIngress = {
  name: string;
  namespace: string;
  className: string;
  hosts: string;
  address: string;
  ports: string;
  createdAt: number;
};

export type KNamespace = { name: string; createdAt: number };

export type Cluster = {
  now: number;
  epochMs: (t: number) => number;
  namespaces: readonly KNamespace[];
  nodes: readonly KNode[];
  pods: readonly KPod[];
  deployments: readonly KDeployment[];
  replicaSets: readonly KReplicaSet[];
  statefulSets: readonly KStatefulSet[];
  daemonSets: readonly KDaemonSet[];
  services: readonly KService[];
  jobs: readonly KJob[];
  pvcs: readonly KPvc[];
  ingresses: readonly KIngress[];
};
