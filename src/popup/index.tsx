// INTERIM (owned by the popup helper): renders and proves the popup reaches the background.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { toBackground } from '../shared/clients';

function App() {
  const [status, setStatus] = useState('Connecting…');
  useEffect(() => {
    void toBackground('ping').then(r => setStatus(r.ok ? 'Connected' : `Not connected: ${r.error.message}`));
  }, []);
  return (
    <main>
      <h1>Gleaner</h1>
      <p role="status">{status}</p>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
