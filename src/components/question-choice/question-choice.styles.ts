import { tokens, controls } from '../shared/index.ts';
import { questionStyles } from '../quiz-view/question.styles.ts';

export const questionChoiceStyles = [tokens, ...controls, questionStyles];
