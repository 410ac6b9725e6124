def out = new File(basedir, 'target/generated-sources/torii-mcp')
def tools = new File(out, 'it/tools')
assert new File(tools, 'ListAllTinyThings.java').isFile()
assert new File(tools, 'DeleteATinyThingById.java').isFile()
assert new File(tools, 'GeneratedTools.java').isFile()
assert new File(tools, 'schemas/list_all_tiny_things.input.json').text.contains('"next_cursor"')
assert new File(basedir, 'target/classes/it/tools/ListAllTinyThings.class').isFile()
assert new File(basedir, 'target/classes/it/tools/schemas/list_all_tiny_things.input.json').isFile()
assert new File(basedir, 'target/classes/META-INF/services/dev.toriimcp.runtime.ToolRegistry').text.contains('it.tools.GeneratedTools')
def log = new File(basedir, 'build.log').text
assert log.contains('torii-mcp: Generated 2 MCP tools from api.yaml (1 read, 1 write; tags: things 1), 0 warnings')
// the second invocation finds nothing to change
assert log.contains('0 files changed')
return true
