// Drafts a description line for each runtime export of each package that the table in
// src/packages/<package>.mjs lacks, from the built declarations (parameter names and types), for
// a person to review and paste in. Run: node scripts/draft-descriptions.mjs
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describedExports, PACKAGES } from '../src/descriptions.mjs';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const root = fileURLToPath(new URL('../../../packages/', import.meta.url));

/** Map a parameter's declared type (as text) and name to an argument kind. */
export function kindOf(pkg, name, type, optional) {
  const t = type.replace(/\s+/g, ' ');
  let k = 'any';
  if (/^(readonly )?Matrix\[\]$|readonly Matrix\[\]|Matrix\[\]/.test(t))
    k = pkg === 'spd' ? 'spds' : 'mats';
  else if (/^Matrix( \| undefined)?$/.test(t)) k = pkg === 'spd' ? 'spd' : 'mat';
  else if (/^Float64Array( \| undefined)?$/.test(t) || /ArrayLike<number>|number\[\]/.test(t))
    k = 'vec';
  else if (/^number( \| undefined)?$/.test(t))
    k = /^(n|k|dim|size|steps|samples|count|seed|order|rank)$/i.test(name) ? 'int' : 'num';
  else if (/^boolean/.test(t)) k = 'bool';
  else if (/^Rng/.test(t)) k = 'rng';
  else if (/=>/.test(t)) k = 'fn';
  else if (/^string|^'/.test(t)) k = 'str';
  else if (/Options|options/.test(t) || /^options$/i.test(name)) k = 'opts';
  return `${name}${optional ? '?' : ''}:${k}`;
}

const missing = [];
for (const pkg of PACKAGES) {
  const file = `${root}${pkg}/dist/index.d.ts`;
  const program = ts.createProgram([file], { allowJs: false, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) continue;
  const moduleSymbol = checker.getSymbolAtLocation(source);
  const described = describedExports(pkg);
  const runtime = await import(`@rg/${pkg}`);
  for (const sym of checker.getExportsOfModule(moduleSymbol)) {
    const name = sym.getName();
    if (!(name in runtime) || described.has(name)) continue;
    const decl = (sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym)
      .valueDeclaration;
    const type = checker.getTypeOfSymbolAtLocation(sym, decl ?? source);
    const value = runtime[name];
    let line;
    if (typeof value !== 'function') line = 'value';
    else {
      const isClass = /^class\b/.test(Function.prototype.toString.call(value));
      const sigs = isClass ? type.getConstructSignatures() : type.getCallSignatures();
      const sig = sigs[0];
      const params = sig
        ? sig.parameters.map((p) => {
            const pd = p.valueDeclaration;
            const pt = checker.typeToString(checker.getTypeOfSymbolAtLocation(p, pd));
            const optional = Boolean(pd && (pd.questionToken || pd.initializer));
            return kindOf(pkg, p.getName(), pt, optional);
          })
        : [];
      line = `${isClass ? 'new ' : ''}${params.join(' ')}`.trim() || '()';
    }
    missing.push(`  ${JSON.stringify(name)}: ${JSON.stringify(line)}, // @rg/${pkg}`);
  }
}
console.log(missing.length ? missing.join('\n') : 'every export is described');
