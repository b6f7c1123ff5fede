// What each error code says to a person, in the three languages. `{name}` placeholders are
// filled from the error's params (never personal data).
import type { ErrorCode, ErrorParams } from '../domain/errors.ts';
import type { Language } from './language.ts';
import { termList } from './terms.ts';
import { refusalReason } from './refusal-reasons.ts';
import { beijingDateTime } from './beijing-date-time.ts';
import { appointmentStatusName } from './appointment-statuses.ts';

type Messages = Record<Language, string>;

const messages: Record<ErrorCode, Messages> = {
  VALIDATION_FAILED: {
    'zh-CN': '请求内容有误：{detail}',
    en: 'The request is not valid: {detail}',
    es: 'La solicitud no es válida: {detail}',
  },
  ID_NUMBER_INVALID: {
    'zh-CN': '公民身份号码无效，请核对后重新输入',
    en: 'The resident ID number is not valid; please check it and try again',
    es: 'El número de identificación no es válido; revíselo e inténtelo de nuevo',
  },
  ADDRESS_UNKNOWN: {
    'zh-CN': '居住地址不在本市行政区划内，请选择正确的区和街道（乡镇）',
    en: 'The address is not a district and street of this city; please choose them from the list',
    es: 'La dirección no corresponde a un distrito y una calle de la ciudad; elíjalos de la lista',
  },
  NOT_ELIGIBLE: {
    'zh-CN':
      '暂不符合申领居住证的条件：需持居住登记卡满6个月，或连续缴纳社会保险（个人所得税）满6个月，并有合法稳定就业、合法稳定住所或连续就读之一',
    en: 'Not eligible for a residence permit yet: it needs a registration card held for 6 months, or 6 months of social insurance or tax in the city, and lawful stable employment, residence or continuous study',
    es: 'Aún no cumple los requisitos del certificado de residencia: se necesita la tarjeta de registro durante 6 meses, o 6 meses de seguridad social o impuestos en la ciudad, y empleo, domicilio o estudios estables',
  },
  OTP_INVALID: {
    'zh-CN': '验证码错误或已过期，请重新获取',
    en: 'The code is wrong or has expired; please ask for a new one',
    es: 'El código es incorrecto o ha caducado; solicite uno nuevo',
  },
  OTP_RATE_LIMITED: {
    'zh-CN': '验证码发送过于频繁，请{retryAfter}秒后再试',
    en: 'Too many codes requested; please try again in {retryAfter} seconds',
    es: 'Demasiados códigos solicitados; inténtelo de nuevo en {retryAfter} segundos',
  },
  UNAUTHENTICATED: {
    'zh-CN': '请先登录',
    en: 'Please sign in first',
    es: 'Inicie sesión primero',
  },
  SESSION_EXPIRED: {
    'zh-CN': '登录已超时或已结束，请重新登录',
    en: 'Your session has timed out or was ended; please sign in again',
    es: 'Su sesión ha caducado o se ha cerrado; inicie sesión de nuevo',
  },
  ACCOUNT_DEACTIVATED: {
    'zh-CN': '该工作人员账号已停用，请联系管理员',
    en: 'This staff account has been deactivated; please contact an administrator',
    es: 'Esta cuenta de personal ha sido desactivada; póngase en contacto con un administrador',
  },
  FORBIDDEN: {
    'zh-CN': '您无权进行此操作',
    en: 'You are not allowed to do this',
    es: 'No tiene permiso para hacer esto',
  },
  NOT_FOUND: {
    'zh-CN': '未找到相关内容',
    en: 'Not found',
    es: 'No encontrado',
  },
  CONFLICT: {
    'zh-CN': '该事项已被处理，请刷新后查看',
    en: 'This has already been done; please refresh to see it',
    es: 'Esto ya se ha hecho; actualice para verlo',
  },
  IDENTITY_ALREADY_BOUND: {
    'zh-CN': '该账号或该身份证号码已完成实名认证',
    en: 'This account or this ID number is already bound to an identity',
    es: 'Esta cuenta o este número de identificación ya está vinculado a una identidad',
  },
  IDENTITY_REQUIRED: {
    'zh-CN': '请先完成实名认证',
    en: 'Please verify your identity first',
    es: 'Verifique primero su identidad',
  },
  IDENTITY_REJECTED: {
    'zh-CN': '实名认证未通过：姓名与公民身份号码不一致',
    en: 'Identity not verified: the name does not match the ID number',
    es: 'Identidad no verificada: el nombre no coincide con el número de identificación',
  },
  IDENTITY_NAME_MISMATCH: {
    'zh-CN': '姓名与本平台登记的该公民身份号码持有人姓名不一致，请按身份证上的姓名填写',
    en: 'The name differs from the name this platform holds for the ID number; type it as printed on the ID card',
    es: 'El nombre no coincide con el que la plataforma tiene para ese número de identificación; escríbalo como figura en el documento',
  },
  IDENTITY_PROOF_REQUIRED: {
    'zh-CN': '该身份已在窗口登记，需证明本人持有：请携带身份证到任一派出所或服务站领取绑定码',
    en: 'This identity was registered at a window and needs proof that it is yours: bring your ID card to any station for a binding code',
    es: 'Esta identidad se registró en una ventanilla y requiere prueba de que es suya: lleve su documento de identidad a cualquier estación para obtener un código de vinculación',
  },
  BINDING_CODE_INVALID: {
    'zh-CN': '绑定码错误、已使用或已过期，请到任一派出所或服务站重新领取',
    en: 'The binding code is wrong, used or expired; ask any station for a new one',
    es: 'El código de vinculación es incorrecto, ya se usó o ha caducado; solicite uno nuevo en cualquier estación',
  },
  INVALID_TRANSITION: {
    'zh-CN': '当前状态下不能进行此操作',
    en: 'This cannot be done in the current state',
    es: 'Esto no se puede hacer en el estado actual',
  },
  CALENDAR_DATA_MISSING: {
    'zh-CN': '工作日历尚未发布{date}的安排，请管理员导入',
    en: 'The official calendar for {date} has not been loaded yet; an administrator must load it',
    es: 'El calendario oficial para {date} aún no se ha cargado; un administrador debe cargarlo',
  },
  MATERIAL_INVALID: {
    'zh-CN': '材料文件格式不支持，请上传 JPEG、PNG 或 PDF',
    en: 'This file type is not accepted; please upload JPEG, PNG or PDF',
    es: 'Este tipo de archivo no se acepta; suba JPEG, PNG o PDF',
  },
  MATERIAL_TOO_LARGE: {
    'zh-CN': '材料文件过大（上限{maxMb}MB）',
    en: 'The file is too large (at most {maxMb} MB)',
    es: 'El archivo es demasiado grande (máximo {maxMb} MB)',
  },
  MATERIALS_MISSING: {
    'zh-CN': '材料不齐全：{missing}',
    en: 'Documents are missing: {missing}',
    es: 'Faltan documentos: {missing}',
  },
  CARD_NOT_DISPLAYABLE: {
    'zh-CN': '该证件已失效，无法出示',
    en: 'This card is no longer valid and cannot be shown',
    es: 'Esta tarjeta ya no es válida y no se puede mostrar',
  },
  ENDORSEMENT_NOT_OPEN: {
    'zh-CN': '尚未到签注时间，可于{opensOn}起办理',
    en: 'The endorsement is not open yet; it opens on {opensOn}',
    es: 'El refrendo aún no está abierto; se abre el {opensOn}',
  },
  PAYLOAD_TOO_LARGE: {
    'zh-CN': '请求内容过大',
    en: 'The request is too large',
    es: 'La solicitud es demasiado grande',
  },
  RATE_LIMITED: {
    'zh-CN': '请求过于频繁，请稍后再试',
    en: 'Too many requests; please try again later',
    es: 'Demasiadas solicitudes; inténtelo más tarde',
  },
  NO_STATION_FOR_DISTRICT: {
    'zh-CN': '该区暂无受理居住证业务的派出所或服务站',
    en: 'No police station or service station in this district takes residence-permit applications yet',
    es: 'Ninguna comisaría ni estación de servicio de este distrito atiende aún solicitudes de residencia',
  },
  DATABASE_UNAVAILABLE: {
    'zh-CN': '系统暂时无法处理您的请求，请{retryAfter}秒后再试',
    en: 'The service cannot take your request just now; please try again in {retryAfter} seconds',
    es: 'El servicio no puede atender su solicitud ahora; inténtelo de nuevo en {retryAfter} segundos',
  },
  HOLDER_NOT_FOUND: {
    'zh-CN': '没有持有该公民身份号码的居住证（卡）记录',
    en: 'No permit or card is on record for this ID number',
    es: 'No hay ningún certificado ni tarjeta registrado con este número de identificación',
  },
  EVIDENCE_REJECTED: {
    'zh-CN': '所出示的证明未通过核验：{detail}',
    en: 'The evidence presented does not hold: {detail}',
    es: 'La prueba presentada no es válida: {detail}',
  },
  SLOT_FULL: {
    'zh-CN': '该时段已约满，请选择其他时段',
    en: 'This slot is fully booked; please choose another',
    es: 'Este horario está completo; elija otro',
  },
  SLOT_UNAVAILABLE: {
    'zh-CN': '该时间不可预约：{detail}',
    en: 'This time cannot be booked: {detail}',
    es: 'Esta hora no se puede reservar: {detail}',
  },
  ALREADY_BOOKED: {
    'zh-CN': '您已有一个同类事项的有效预约，请先取消',
    en: 'You already have an active appointment for this purpose; cancel it first',
    es: 'Ya tiene una cita activa para este trámite; cancélela primero',
  },
  // The deadline itself, not "less than N hours": a cut-off of 90 minutes read "less than 2 hours".
  CANCELLATION_CLOSED: {
    'zh-CN': '在线取消的截止时间（北京时间{deadline}）已过，不能在线取消；如不能前来，请联系该派出所或服务站',
    en: 'The deadline to cancel online ({deadline}, Beijing time) has passed; if you cannot come, please contact the station',
    es: 'El plazo para cancelar en línea ({deadline}, hora de Pekín) ha pasado; si no puede acudir, contacte con la comisaría o el centro',
  },
  BOOKING_NOT_ACTIVE: {
    'zh-CN': '该预约的状态为“{appointmentStatus}”，不能再取消',
    en: 'This appointment is {appointmentStatus}; it can no longer be cancelled',
    es: 'Esta cita está en estado «{appointmentStatus}»; ya no se puede cancelar',
  },
  FORM_NOT_REPRINTABLE: {
    'zh-CN': '确认单 {serial} 开具于系统保存签名凭证之前，无法重新打印；请核验持证人证件后开具一份新的确认单',
    en: 'Confirmation form {serial} was issued before the platform kept its signed proof, so it cannot be printed again; check the holder’s document and issue a new form',
    es: 'La hoja de confirmación {serial} se emitió antes de que la plataforma guardara su prueba firmada y no se puede volver a imprimir; compruebe el documento del titular y emita una nueva',
  },
  IDEMPOTENCY_KEY_REUSED: {
    'zh-CN': '该请求编号（Idempotency-Key）已用于另一项内容不同的请求，请换用新的编号',
    en: 'This Idempotency-Key was already used for a different request; use a new key',
    es: 'Esta Idempotency-Key ya se usó para otra solicitud distinta; use una clave nueva',
  },
  MATERIALS_QUOTA_EXCEEDED: {
    'zh-CN':
      '您名下保存的申请材料已达{quotaMb} MB 上限（已撤回或未通过的申请材料在保留期满后删除），请删减后再上传',
    en: 'The materials held for your applications have reached the {quotaMb} MB limit (files of withdrawn or rejected applications count until their retention ends); upload less',
    es: 'Los documentos guardados de sus solicitudes alcanzan el límite de {quotaMb} MB (los de solicitudes retiradas o rechazadas cuentan hasta que vence su conservación); suba menos',
  },
  SECOND_FACTOR_REQUIRED: {
    'zh-CN': '请输入身份验证器应用中显示的 6 位动态验证码，或使用通行密钥',
    en: 'Enter the 6-digit code your authenticator app shows, or use your passkey',
    es: 'Introduzca el código de 6 dígitos que muestra su aplicación de autenticación, o use su llave de acceso',
  },
  SECOND_FACTOR_NOT_ENROLLED: {
    'zh-CN': '该岗位须使用动态验证码登录，您的账号尚未绑定身份验证器，请联系系统管理员',
    en: 'This role signs in with a one-time code, and no authenticator is enrolled for your account; ask an administrator',
    es: 'Este puesto entra con un código de un solo uso y su cuenta no tiene autenticador; pida a un administrador',
  },
  PASSKEY_NOT_ENROLLED: {
    'zh-CN': '您的账号尚未添加通行密钥，请改用动态验证码登录',
    en: 'No passkey is registered for your account; sign in with your one-time code',
    es: 'Su cuenta no tiene ninguna llave de acceso registrada; entre con su código de un solo uso',
  },
  PASSKEY_REJECTED: {
    'zh-CN': '通行密钥未能添加：请求已过期、已使用过或不是本网站发起的，请重试',
    en: 'The passkey could not be added: the request expired, was already used or was not made for this site; try again',
    es: 'No se pudo añadir la llave de acceso: la solicitud caducó, ya se usó o no se hizo para este sitio; inténtelo de nuevo',
  },
  IDEMPOTENCY_KEY_IN_FLIGHT: {
    'zh-CN': '相同编号的请求仍在处理中，请稍后重试',
    en: 'A request with this Idempotency-Key is still being processed; try again shortly',
    es: 'Una solicitud con esta Idempotency-Key aún se está procesando; inténtelo en breve',
  },
  VISIT_OUTSIDE_STREETS: {
    'zh-CN': '该核查任务所在街道不属于您所在派出所的辖区，不能由您登记结果',
    en: 'This visit is on a street your station does not serve; you cannot record its outcome',
    es: 'Esta visita es en una calle que su comisaría no atiende; no puede registrar su resultado',
  },
  INTERNAL: {
    'zh-CN': '系统繁忙，请稍后再试',
    en: 'Something went wrong on our side; please try again later',
    es: 'Algo salió mal de nuestro lado; inténtelo más tarde',
  },
};

export function errorMessage(code: ErrorCode, lang: Language, params: ErrorParams = {}): string {
  return messages[code][lang].replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    if (value === undefined) return whole.replace(/[{}]/g, '');
    if (key === 'missing') return termList(String(value), lang);
    if (key === 'detail') return refusalReason(code, String(value), lang) ?? String(value);
    if (key === 'deadline') return beijingDateTime(String(value), lang);
    if (key === 'appointmentStatus') return appointmentStatusName(String(value), lang);
    return String(value);
  });
}
