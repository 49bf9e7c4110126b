// Sign-in for planners. The session itself is an HttpOnly cookie the browser keeps; the client
// only asks who it is (viewer) to show the name and the editing link. Login is sent anonymously,
// so it is one of the trusted documents the server accepts without a session.
import { graphql } from '../../generated';

export const VIEWER = graphql(`
  query Viewer {
    viewer { role roles kind label }
  }
`);

export const LOGIN = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) { user { id email displayName role } expiresAt }
  }
`);

export const LOGOUT = graphql(`
  mutation Logout {
    logout
  }
`);
