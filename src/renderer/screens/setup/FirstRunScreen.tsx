/**
 * First start in two steps: create the first manager, then choose where the terminal works (the
 * demo simulator or a live Flexiti environment). The shell keeps this screen up until both are done.
 */
import { useState } from 'react';
import { EnvironmentStep } from './EnvironmentStep';
import { ManagerStep } from './ManagerStep';

export function FirstRunScreen(props: { onManagerCreated: () => void; onDone: () => void }) {
  const [step, setStep] = useState<'manager' | 'environment'>('manager');
  if (step === 'manager')
    return (
      <ManagerStep
        onCreated={() => {
          setStep('environment');
          props.onManagerCreated();
        }}
      />
    );
  return <EnvironmentStep onDone={props.onDone} />;
}
