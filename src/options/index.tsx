// INTERIM (owned by the popup helper): the options page.
import { render } from 'preact';

function Options() {
  return (
    <main>
      <h1>Gleaner settings</h1>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Options />, root);
