/** Generates MCP tools from an OpenAPI description and overlays. */
package dev.toriimcp.generator;
