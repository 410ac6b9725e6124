def log = new File(basedir, 'build.log').text
assert log.contains('torii-mcp diff: 0 tools added, 1 removed, 1 changed; 2 breaking')
assert log.contains('BREAKING tool delete_a_tiny_thing_by_id was removed: agents that call it will fail')
assert log.contains('BREAKING list_all_tiny_things has a new required argument owner: calls without it will be rejected')
assert log.contains('2 breaking change(s) for agents (mcp.failOnBreaking=true)')
def md = new File(basedir, 'target/torii-mcp-diff/tool-diff.md').text
assert md.contains('**Verdict: breaking for agents.**')
assert md.contains('| `delete_a_tiny_thing_by_id` | tool removed | tool delete_a_tiny_thing_by_id was removed: agents that call it will fail |')
assert new File(basedir, 'target/torii-mcp-diff/tool-diff.json').text.contains('"breaking": 2')
return true
