/** Entry point: opens the base on this device and renders the app. */
import { render } from 'solid-js/web';
import { App } from './app/App';
import './app/app.css';

render(() => <App />, document.getElementById('root')!);
