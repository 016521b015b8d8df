/** English UI strings: every widget's (the shared chunk): states, paging, the fallback note (a few widgets' own: en-few.ts). Every locale's table (ca.ts...) has them all (locales/en.ts). */
export default {
  error: 'The content could not be loaded.',
  offline: 'The server could not be reached.',
  notFound: 'This content could not be found.',
  retry: 'Try again',
  pages: 'Pages',
  page: 'Page {page} of {count}',
  prev: 'Previous',
  next: 'Next',
  more: 'Load more',
  end: 'End of the list.',
  fallback: 'Available in {lang}',
};
