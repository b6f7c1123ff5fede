import type { Catalogue } from '../catalogue.ts';
import type { zhCN } from './zh-CN.ts';

export const es: Catalogue<typeof zhCN> = {
  common: {
    appName: 'Permiso de residencia de Pekín',
    language: 'Idioma',
    elderlyMode: 'Letra grande',
    loading: 'Cargando…',
    retry: 'Reintentar',
    back: 'Volver',
    close: 'Cerrar',
    logout: 'Cerrar sesión',
    errors: {
      network: 'Sin conexión. Compruebe la red e inténtelo de nuevo; no se pierde nada de lo escrito.',
      unexpected: 'El servicio no está disponible en este momento. Inténtelo más tarde.',
      sessionEnded: 'Su sesión ha terminado. Vuelva a iniciar sesión.',
    },
    placeholder: 'Esta página está en construcción.',
  },
};
