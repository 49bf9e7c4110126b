/* global React, ReactDOM, GraphiQL */
// Starts GraphiQL against this server's /graphql with the example operations as tabs.
fetch('/graphiql/examples.json')
  .then((response) => response.json())
  .then((examples) => {
    const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultEditorToolsVisibility: true,
        defaultTabs: examples.map((example) => ({ query: example.query })),
      }),
    );
  });
