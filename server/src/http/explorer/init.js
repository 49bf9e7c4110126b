/* global React, ReactDOM, GraphiQL */
// Starts GraphiQL against this server's /graphql with the example operations as tabs, and mends
// what GraphiQL 3 renders inaccessibly (axe, WCAG 2.1 AA): its session tabs are a tablist whose
// tabs hold buttons (nested interactive controls), its editors' text areas and scroll regions
// have no name. The fixes run again whenever GraphiQL re-renders them.
const EDITOR_NAMES = [
  ['.graphiql-query-editor', 'GraphQL query'],
  ['.graphiql-response', 'Response'],
  ['.graphiql-editor-tool', 'Variables or headers (JSON)'],
];

function nameOf(el) {
  const hit = EDITOR_NAMES.find(([selector]) => el.closest(selector));
  return hit ? hit[1] : 'Editor';
}

function mend(root) {
  // session tabs: plain buttons (the list also holds the "add tab" button, so it is no list);
  // the active one says so with aria-current
  for (const list of root.querySelectorAll('.graphiql-tabs:not([role="none"])')) list.setAttribute('role', 'none');
  for (const tab of root.querySelectorAll('.graphiql-tab:not([role="none"])')) {
    tab.setAttribute('role', 'none');
    tab.removeAttribute('aria-selected');
  }
  for (const button of root.querySelectorAll('.graphiql-tab-button')) {
    const active = button.closest('.graphiql-tab')?.classList.contains('graphiql-tab-active');
    if (active && button.getAttribute('aria-current') !== 'true') button.setAttribute('aria-current', 'true');
    if (!active && button.hasAttribute('aria-current')) button.removeAttribute('aria-current');
  }
  // CodeMirror's hidden input and its scroll area: named, and the scroll area reachable by keyboard
  for (const area of root.querySelectorAll('.CodeMirror textarea:not([aria-label])')) area.setAttribute('aria-label', nameOf(area));
  // (CodeMirror gives it tabindex -1)
  for (const scroll of root.querySelectorAll('.CodeMirror-scroll:not([tabindex="0"])')) {
    scroll.setAttribute('tabindex', '0');
    scroll.setAttribute('role', 'region');
    scroll.setAttribute('aria-label', `${nameOf(scroll)} (scroll)`);
  }
}

fetch('/graphiql/examples.json')
  .then((response) => response.json())
  .then((examples) => {
    const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
    const container = document.getElementById('graphiql');
    new MutationObserver(() => mend(container)).observe(container, { subtree: true, childList: true, attributes: true, attributeFilter: ['role', 'aria-selected', 'class'] });
    ReactDOM.createRoot(container).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultEditorToolsVisibility: true,
        defaultTabs: examples.map((example) => ({ query: example.query })),
      }),
    );
  });
