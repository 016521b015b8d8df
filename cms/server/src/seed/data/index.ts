export { topics } from './topics';
export { organisations } from './organisations';
export { calls } from './calls';
export { practices } from './practices';
export { sessions } from './sessions';
export { statements } from './statements';
