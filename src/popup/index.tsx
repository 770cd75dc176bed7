/** The toolbar popup entry: renders <App/> into #app. */
import { render } from 'preact';
import { App } from './components/App';
import { mark } from './perf';

mark('gleaner:script-start');
const root = document.getElementById('app');
if (root) render(<App />, root);
