/** The options page entry: renders <OptionsApp/> into #app. */
import { render } from 'preact';
import { OptionsApp } from './components/OptionsApp';

const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
