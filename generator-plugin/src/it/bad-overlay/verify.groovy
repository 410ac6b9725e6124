def log = new File(basedir, 'build.log').text
assert log.contains("[TORII-OVERLAY-002] target \$.paths['/pong'].get matches nothing (overlays/bad.yaml:4:13)")
// the user sees the problem, not a stack trace
assert !log.contains('at dev.toriimcp.')
assert !new File(basedir, 'target/generated-sources/torii-mcp').exists()
return true
