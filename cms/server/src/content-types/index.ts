import topic from './topic';
import organisation from './organisation';
import call from './call';
import practice from './practice';
import session from './session';
import statement from './statement';

export default {
  topic,
  organisation,
  call,
  practice,
  session,
  statement,
};
