def log = new File(basedir, 'build.log').text
assert log.contains('torii-mcp:generate')
assert log.contains('mcp.spec')
assert log.contains('mcp.outputDirectory')
assert log.contains('mcp.overlays')
assert log.contains('mcp.packageName')
return true
