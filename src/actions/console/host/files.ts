/** Files SREs read inside a host: the resolver configuration and the hosts file. */
import type { ResolverConf } from '../network/resolver.ts';

/**
 * /etc/resolv.conf as kubelet writes it for `dnsPolicy: ClusterFirst`: the namespace's search
 * list, the cluster DNS Service, and the options (timeout and attempts only when not glibc's
 * defaults of 5 s and 2).
 */
export function resolvConf(conf: ResolverConf, pod: boolean): string {
  const options = [`ndots:${conf.ndots}`];
  if (conf.timeoutMs !== 5000)
    options.push(`timeout:${Math.max(1, Math.round(conf.timeoutMs / 1000))}`);
  if (conf.attempts !== 2) options.push(`attempts:${conf.attempts}`);
  const head = pod
    ? ''
    : '# Managed by cloud-init: the bastion uses cluster DNS, like a pod in prod.\n';
  return `${head}search ${conf.search.join(' ')}\nnameserver ${conf.nameserver}\noptions ${options.join(' ')}\n`;
}

/** The hosts file kubelet manages in every pod (StatefulSet pods also get their stable name). */
export function etcHosts(name: string, ip: string, fqdn: string | null): string {
  return (
    '# Kubernetes-managed hosts file.\n' +
    '127.0.0.1\tlocalhost\n' +
    '::1\tlocalhost ip6-localhost ip6-loopback\n' +
    'fe00::0\tip6-localnet\n' +
    'fe00::0\tip6-mcastprefix\n' +
    'fe00::1\tip6-allnodes\n' +
    'fe00::2\tip6-allrouters\n' +
    (fqdn ? `${ip}\t${fqdn}\t${name}\n` : `${ip}\t${name}\n`)
  );
}
