import type { Catalogue } from '../../shared/catalogue.ts';
import type { zhCN } from './zh-CN.ts';

export const es: Catalogue<typeof zhCN> = {
  verify: {
    title: 'Verificar un permiso',
    source: { label: 'Cómo leer el código', camera: 'Escanear', photo: 'Foto', text: 'Pegar texto' },
    camera: {
      start: 'Abrir la cámara para escanear',
      view: 'Imagen de la cámara',
      useFront: 'Usar la cámara frontal',
      useRear: 'Usar la cámara trasera',
      unavailable: 'No se puede abrir la cámara. Permita la cámara o use una foto o el texto pegado.',
    },
    photo: {
      label: 'Elija una foto del código o el PDF del certificado',
      pdf: 'No se puede abrir este PDF o su primera página no tiene código. Elija el PDF del certificado o una foto del código.',
      reading: 'Leyendo el PDF…',
      noCode: 'No hay ningún código en la foto. Vuelva a hacerla, más cerca.',
    },
    text: { label: 'Pegue el código (empieza por JZ1:)', check: 'Verificar' },
    results: {
      valid: 'Válido: permiso auténtico y vigente.',
      expired: 'Caducado: este código ya no sirve. Pida al titular que lo renueve y lo muestre otra vez.',
      not_yet_valid:
        'Aún no válido: la hora del código es posterior a la actual. Revise el reloj del teléfono.',
      bad_signature: 'No válido: la firma no coincide; el código puede estar alterado.',
      unknown_key:
        'No se puede confirmar: la clave de firma no está en la lista de confianza; el código puede ser falso.',
      revoked: 'Revocado: este permiso ha sido anulado y no se puede usar.',
      suspended: 'Suspendido: este permiso no se puede usar ahora (por ejemplo, falta un visado).',
      superseded: 'Sustituido: un permiso nuevo reemplaza a este. Pida el nuevo.',
      challenge_mismatch: 'No coincide: el código no está vinculado al reto de esta página. Pida uno nuevo.',
      malformed: 'No reconocido: no es un código de permiso de residencia.',
      unsupported_version: 'Versión no admitida: actualice esta página.',
      status_unknown:
        'Estado desconocido: las listas están caducadas o faltan y no se puede confirmar la validez. Conéctese para actualizarlas.',
    },
    card: {
      kind: 'Tipo',
      name: 'Nombre',
      idNumber: 'Número de identidad',
      number: 'Número del permiso',
      district: 'Distrito',
      districtLatin: 'Distrito de {{name}}',
      address: 'Dirección',
      validUntil: 'Válido hasta',
      issuedOn: 'Expedido el',
      issuingAuthority: 'Expedido por',
    },
    form: { serial: 'Número del certificado', printed: 'Impreso', printedBy: '{{station}}, {{at}}' },
    kinds: {
      residence_permit: 'Permiso de residencia',
      registration_card: 'Tarjeta de registro de residencia',
    },
    seenBefore: 'Este código ya se verificó el {{at}}.',
    notSeenBefore: 'Es la primera verificación de este código.',
    compareIdCard: 'Compare con el documento de identidad del titular: el nombre y la foto deben coincidir.',
    again: 'Verificar otro',
    challenge: {
      title: 'Modo reto',
      why: 'Evita capturas reutilizadas: el titular vincula el reto de esta página al código que muestra.',
      on: 'Crear un reto',
      off: 'Salir del modo reto',
      show: 'Pida al titular que escriba o escanee este reto:',
      qr: 'Código QR del reto {{challenge}}',
      offline: 'No se pudo obtener un reto. Revise la red.',
    },
    key: {
      title: 'Clave de organización (policía y organismos autorizados)',
      why: 'Una organización autorizada introduce su clave una vez para ver el registro completo.',
      label: 'Clave de organización',
      save: 'Guardar la clave',
      remove: 'Borrar la clave',
      holderSees:
        'Clave de organización en uso: se muestra el registro completo y el titular verá esta consulta en «Quién vio mi tarjeta».',
    },
    offline: {
      label: 'Listas para verificar sin conexión',
      online: 'En línea',
      offline: 'Sin conexión',
      checkedOffline: 'Verificado sin conexión (con las listas guardadas en este dispositivo)',
      listsFrom: 'Listas actualizadas el {{at}}',
      noLists: 'Listas aún no descargadas: sin conexión no se puede confirmar el estado.',
      refresh: 'Actualizar listas',
    },
  },
};
