// The objective shape shared by @rg/nn and @rg/hessian: declared once, in @rg/linalg.
export type { Objective } from '@rg/linalg';
