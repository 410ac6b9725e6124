package dev.toriimcp.runtime;

/**
 * One MCP tool, generated from one API operation.
 *
 * <p>Generated classes implement this interface and stay boring: they carry metadata, the typed
 * input record and the mapping from that record to an {@link UpstreamRequest}. Validation,
 * encoding, sending and result mapping live in the server, which treats every tool alike.
 *
 * @param <I> the typed input record, deserialised from the validated tool arguments
 */
public interface Tool<I extends Record> {

  /** Name, description, access, tags, limits and schema locations. */
  ToolInfo info();

  /** The record the validated arguments are bound to. */
  Class<I> inputType();

  /** Builds the upstream HTTP request for one call. */
  UpstreamRequest toRequest(I input);
}
