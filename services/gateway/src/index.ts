export { buildGateway, type GatewayDeps } from './app.ts';
export { createContainer } from './container.ts';
export { StreamProtocol, type Action, type ProtocolLimits } from './stream/stream-protocol.ts';
export { CloseCode, type ServerMessage, type ClientMessage, type TranscriptMessage } from './stream/messages.ts';
