// The rules of applications (DESIGN §2): materials, review transitions, eligibility, proxies.
export {
  applicationStatuses,
  applicationTypes,
  bases,
  isOpen,
  isOverdue,
  materialKinds,
  overdueStatuses,
  submitApplication,
} from './application.ts';
export type { Application, ApplicationStatus, ApplicationType, Basis, MaterialKind } from './application.ts';
export { acceptedDocuments, missingMaterials, requiredMaterials } from './required-materials.ts';
export type { AcceptedDocument } from './required-materials.ts';
export { allowedEvents, applyEvent } from './apply-event.ts';
export type { ApplicationEvent, ApplicationEventKind } from './apply-event.ts';
export { checkPermitEligibility } from './eligibility.ts';
export type { Eligibility, EligibilityInput } from './eligibility.ts';
export { checkProxy, proxyDocuments, proxyReasons, relations, requiredProxyDocuments } from './proxy.ts';
export type { ProxyDocument, ProxyReason, Relation } from './proxy.ts';
