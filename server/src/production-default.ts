// Imported first by index.ts, before graphql-js loads: graphql-js reads NODE_ENV once, at load
// time, and without `production` runs its development checks (instanceof guards) on every
// request. A started server is production unless the operator says otherwise.
process.env.NODE_ENV ??= 'production';
