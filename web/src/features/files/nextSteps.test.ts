import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nextStepStates, nextStepText } from './nextSteps';

// The workflow the server loads: a state added there must get its sentence here.
const workflowPath = fileURLToPath(new URL('../../../../workflows/candidate-file.json', import.meta.url));
const workflow = JSON.parse(readFileSync(workflowPath, 'utf8')) as { states: { id: string; final: boolean }[] };

describe('next step under the state', () => {
  it('has a French sentence for every state of the candidate-file workflow', () => {
    for (const state of workflow.states) {
      const text = nextStepText(state.id);
      expect(text, `state ${state.id}`).toMatch(state.final ? /^Dossier clos : / : /^Prochaine étape : /);
      expect(text).not.toMatch(/[a-z]+_[a-z]+/);
    }
  });

  it('knows no state the workflow does not have', () => {
    expect(nextStepStates().sort()).toEqual(workflow.states.map((s) => s.id).sort());
  });

  it('says nothing for an unknown state', () => {
    expect(nextStepText('mystery')).toBeNull();
  });
});
