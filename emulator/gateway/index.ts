// The embedded cluster's data plane entry point: the ingress gateway.
export { startGateway, type GatewayOptions, type RunningGateway } from "./gateway";
