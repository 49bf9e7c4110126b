// DOM matchers (toBeInTheDocument, toHaveAttribute, …) for the component tests.
import '@testing-library/jest-dom/jest-globals';
