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
    staffLogin: {
      title: 'Acceso del personal',
      username: 'Usuario',
      password: 'Contraseña',
      submit: 'Entrar',
      expired:
        'Se cerró la sesión tras 30 minutos sin actividad. Vuelva a entrar; lo no guardado debe introducirse de nuevo.',
      deactivated:
        'Un administrador ha desactivado su cuenta. Póngase en contacto con el administrador del sistema.',
      signedInAs: 'Sesión de {{username}}',
      code: 'Código de un solo uso',
      codeHint: 'Abra su aplicación de autenticación y escriba los 6 dígitos que muestra.',
      usePasskey: 'Usar una llave de acceso',
      passkeyHint:
        'Confirme con la llave de acceso que añadió a esta cuenta (llave de seguridad, teléfono o este ordenador).',
      passkeyOrCode:
        'O confirme con la llave de acceso que añadió a esta cuenta (llave de seguridad, teléfono o este ordenador).',
      passkeyFailed:
        'No se usó la llave de acceso (cancelado, tiempo agotado o no es de esta cuenta). Inténtelo de nuevo o escriba el código.',
    },
    placeholder: 'Esta página está en construcción.',
  },
};
