import { InvalidArgumentError, rng, ShapeError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  additionTask,
  bracketsTask,
  reverseTask,
  sortTask,
  type TokenTask,
  tokenVocabulary,
} from './index.js';

const rows = (m: { rows: number; cols: number; data: Float64Array }) =>
  Array.from({ length: m.rows }, (_, i) =>
    Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)),
  );

// An independent verifier for the brackets task: a plain stack over the characters.
function balanced(s: string): boolean {
  const stack: string[] = [];
  for (const c of s) {
    if (c === '(' || c === '[') stack.push(c);
    else if (c === ')' || c === ']') {
      const top = stack.pop();
      if ((c === ')' && top !== '(') || (c === ']' && top !== '[')) return false;
    } else return false;
  }
  return stack.length === 0;
}

/** every string over the four brackets of length n */
function allBracketStrings(n: number): string[] {
  let out = [''];
  for (let i = 0; i < n; i++) out = out.flatMap((s) => ['(', ')', '[', ']'].map((c) => s + c));
  return out;
}

const tasks: [string, TokenTask][] = [
  ['reverseTask', reverseTask({ length: 3, trainSize: 300, testSize: 200, seed: 4 })],
  ['sortTask', sortTask({ length: 4, seed: 5 })],
  ['additionTask', additionTask({ digits: 2, seed: 6 })],
  ['bracketsTask', bracketsTask({ promptLength: 6, responseLength: 4, seed: 7 })],
];

describe('token tasks', () => {
  for (const [name, task] of tasks) {
    it(`${name}(): train and test prompts are distinct, disjoint, well formed, and solved by solution()`, () => {
      const train = rows(task.train).map((r) => r.join(','));
      const test = rows(task.test).map((r) => r.join(','));
      expect(new Set(train).size).toBe(train.length);
      expect(new Set(test).size).toBe(test.length);
      expect(train.some((p) => test.includes(p))).toBe(false);
      const g = rng(1);
      for (const p of [...rows(task.train), ...rows(task.test)]) {
        const sol = task.solution(p, g);
        expect(sol.length).toBe(task.responseLength);
        expect(task.isCorrect(p, sol)).toBe(true);
        expect(task.reward(p, sol)).toBe(1);
      }
      expect(task.vocabulary).toBe(tokenVocabulary);
    });
  }

  it('reverseTask / sortTask / additionTask answers match an arithmetic recomputation', () => {
    const [rev, sort, add] = [tasks[0][1], tasks[1][1], tasks[2][1]];
    for (const p of rows(rev.train))
      expect(Array.from(rev.solution(p))).toEqual(p.slice(0, 3).reverse());
    for (const p of rows(sort.train))
      expect(Array.from(sort.solution(p))).toEqual(p.slice(0, 4).sort((a, b) => a - b));
    for (const p of rows(add.train)) {
      const a = 10 * p[0] + p[1];
      const b = 10 * p[3] + p[4];
      expect(add.decode(add.solution(p))).toBe(String(a + b).padStart(3, '0'));
      expect(add.decode(p)).toBe(`${String(a).padStart(2, '0')}+${String(b).padStart(2, '0')}=`);
    }
  });

  it('partial rewards of the digit tasks count the right positions; exact rewards are 0/1', () => {
    const task = reverseTask({ length: 4, reward: 'partial', trainSize: 10, testSize: 5 });
    const exact = reverseTask({ length: 4, trainSize: 10, testSize: 5 });
    const g = rng(3);
    for (const p of rows(task.train)) {
      const sol = Array.from(task.solution(p));
      for (let wrong = 0; wrong <= 4; wrong++) {
        const r = sol.slice();
        for (let j = 0; j < wrong; j++) r[j] = (r[j] + 1 + g.int(9)) % 10;
        expect(task.reward(p, r)).toBe((4 - wrong) / 4);
        expect(exact.reward(p, r)).toBe(wrong === 0 ? 1 : 0);
      }
    }
  });

  it('bracketsTask(): its prompts are exactly the valid prefixes with a completion (brute force over all strings)', () => {
    const P = 6;
    const R = 4;
    // a prefix is a prompt iff some completion of length R makes it balanced
    const completions = allBracketStrings(R);
    const expected = allBracketStrings(P).filter((p) => completions.some((c) => balanced(p + c)));
    const all = bracketsTask({
      promptLength: P,
      responseLength: R,
      trainSize: expected.length - 1,
      testSize: 1,
    });
    const got = [...rows(all.train), ...rows(all.test)].map((p) => all.decode(p)).sort();
    expect(got).toEqual([...expected].sort());
    expect(() =>
      bracketsTask({ promptLength: P, responseLength: R, trainSize: expected.length, testSize: 1 }),
    ).toThrow(InvalidArgumentError);
    // verifier, rewards and the drawn solutions against the brute-force verifier
    const partial = bracketsTask({
      promptLength: P,
      responseLength: R,
      reward: 'partial',
      seed: 2,
    });
    const g = rng(9);
    for (const p of rows(partial.train).slice(0, 40)) {
      const ps = partial.decode(p);
      const good = completions.filter((c) => balanced(ps + c));
      const drawn = new Set<string>();
      for (let k = 0; k < 30 * good.length; k++) drawn.add(partial.decode(partial.solution(p, g)));
      expect([...drawn].sort()).toEqual([...good].sort());
      for (const c of completions) {
        const ids = partial.encode(c);
        expect(partial.isCorrect(p, ids)).toBe(balanced(ps + c));
        // partial reward: the longest prefix of the response that some correct completion shares
        let ell = 0;
        while (ell < R && good.some((s) => s.startsWith(c.slice(0, ell + 1)))) ell++;
        expect(partial.reward(p, ids)).toBe(ell / R);
      }
    }
  });

  it('tasks reject bad prompts, responses and sizes with typed errors', () => {
    const task = reverseTask({ length: 3, trainSize: 10, testSize: 5 });
    expect(() => task.reward(task.encode('12='), task.encode('21'))).toThrow(ShapeError);
    expect(() => task.reward(task.encode('12+='), task.encode('123'))).toThrow(
      InvalidArgumentError,
    );
    expect(() => task.reward(task.encode('123='), [1, 2, 16])).toThrow(InvalidArgumentError);
    expect(() => task.reward(task.encode('123='), [1, 2, 0.5])).toThrow(InvalidArgumentError);
    expect(() => task.encode('12a')).toThrow(InvalidArgumentError);
    expect(() => reverseTask({ length: 2, trainSize: 90, testSize: 20 })).toThrow(
      /at most 100, the number of distinct prompts/,
    );
    expect(() => reverseTask({ length: 0 })).toThrow(InvalidArgumentError);
    expect(() => additionTask({ digits: 8 })).toThrow(InvalidArgumentError);
    expect(() => bracketsTask({ responseLength: 11 })).toThrow(InvalidArgumentError);
    expect(() => sortTask({ reward: 'graded' as 'exact' })).toThrow(InvalidArgumentError);
    expect(() => task.solution(task.encode('123='), {} as never)).toThrow(InvalidArgumentError);
  });

  it('the same seed draws the same prompt sets, another seed others', () => {
    const a = reverseTask({ length: 4, seed: 3 });
    const b = reverseTask({ length: 4, seed: 3 });
    const c = reverseTask({ length: 4, seed: 4 });
    expect(rows(a.train)).toEqual(rows(b.train));
    expect(rows(a.train)).not.toEqual(rows(c.train));
  });
});
