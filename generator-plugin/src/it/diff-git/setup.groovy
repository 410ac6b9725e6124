// A small git history: the committed description, then a change that adds a required argument
// and removes a tool.
def run(String... cmd) {
  def p = new ProcessBuilder(cmd as List).directory(basedir).redirectErrorStream(true).start()
  def out = p.inputStream.text
  assert p.waitFor() == 0 : "${cmd.join(' ')} failed: ${out}"
}
run('git', 'init', '-q')
run('git', 'config', 'user.email', 'it@example.com')
run('git', 'config', 'user.name', 'IT')
run('git', 'add', 'api.yaml', 'pom.xml')
run('git', 'commit', '-q', '-m', 'base')
def spec = new File(basedir, 'api.yaml')
def text = spec.text
text = text.replace("- {name: state, in: query, schema: {type: string, enum: [open, closed]}}",
    "- {name: state, in: query, schema: {type: string, enum: [open, closed]}}\n        - {name: owner, in: query, required: true, schema: {type: string}}")
text = text.substring(0, text.indexOf('  /things/{id}:'))
spec.text = text
run('git', 'commit', '-q', '-am', 'head')
return true
