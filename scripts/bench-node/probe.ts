/**
 * Adapter probe for device.sh: prints the adapter Dawn finds (vendor, architecture, device,
 * description) and exits 0, or exits 2 when there is none, so the script can try another
 * Vulkan driver manifest before spending minutes on a bench without a GPU.
 */
import { installWebGpu, reportAdapter } from './dawn';

const gpu = installWebGpu((process.env.BENCH_DAWN_FLAGS ?? '').split(/\s+/).filter(Boolean));
const report = await reportAdapter(gpu);
console.log(report ? `adapter: ${JSON.stringify(report)}` : 'adapter: none');
process.exit(report && !report.isFallbackAdapter ? 0 : 2);
