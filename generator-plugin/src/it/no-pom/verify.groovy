def out = new File(basedir, 'out')
assert new File(out, 'generated/mcp/tools/ListAllPing.java').isFile()
assert new File(out, 'generated/mcp/tools/schemas/list_all_ping.input.json').isFile()
assert new File(out, 'tools.json').isFile()
assert new File(out, 'TOOLS.md').text.contains('list_all_ping')
assert new File(basedir, 'build.log').text.contains('Generated 1 MCP tools from api.yaml')
def defaultOut = new File(basedir, 'target/generated-sources/torii-mcp')
assert new File(defaultOut, 'generated/mcp/tools/ListAllPing.java').isFile()
assert !basedir.list().any { it.contains('$') }
return true
