import { mountPage } from '../shared/mount.tsx';
import { catalogues } from './locales/index.ts';
import { App } from './app.tsx';

mountPage(App, catalogues);
