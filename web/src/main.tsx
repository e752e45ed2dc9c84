import { render } from 'preact';
import { App } from './app';
import { loadSession } from './api';
import { language } from './i18n';
import './styles.css';

document.documentElement.lang = language.value;
void loadSession();
render(<App />, document.getElementById('app')!);
