// GraphiQL for Trust Platform: the README's first query, and a header editor ready for a token.
(function () {
  var root = document.getElementById('graphiql');
  var path = root.getAttribute('data-graphql-path');

  // "Bearer " with no token yet means anonymous: sending it would be refused as a bad token.
  function withoutEmptyBearer(headers) {
    var sent = { 'Content-Type': 'application/json', Accept: 'application/json' };
    Object.keys(headers || {}).forEach(function (name) {
      var value = String(headers[name]);
      if (name.toLowerCase() === 'authorization' && /^bearer\s*$/i.test(value.trim())) {
        return;
      }
      sent[name] = value;
    });
    return sent;
  }

  function fetcher(params, options) {
    return fetch(path, {
      method: 'POST',
      headers: withoutEmptyBearer(options && options.headers),
      body: JSON.stringify(params),
    }).then(function (response) {
      return response.json();
    });
  }

  var query = [
    '# Trust Platform GraphQL API: anonymous without a token.',
    '# To act as a demo sign-in, get a token with the curl',
    '# the devstack printed and paste its access_token',
    '# after "Bearer " under Headers below.',
    '{',
    '  tenant(slug: "medway") {',
    '    name',
    '    region',
    '    councils { gssCode name }',
    '  }',
    '}',
    '',
  ].join('\n');

  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: query,
      defaultHeaders: '{\n  "Authorization": "Bearer "\n}',
      defaultEditorToolsVisibility: 'headers',
      shouldPersistHeaders: false,
    })
  );
})();
