import { App } from '../../app/App.tsx';
import '../../app/styles.css';
import { ExercisePanel } from './ExercisePanel.tsx';

/** The learn mode (issue 13): the planner with the trainee's exercise panel beside it. */
export function LearnMode() {
  return (
    <App mode="learn">
      <ExercisePanel />
    </App>
  );
}
