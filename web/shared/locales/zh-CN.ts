// Words every page shares (the reference catalogue: en and es must have the same keys).
export const zhCN = {
  common: {
    appName: '北京居住证',
    language: '语言',
    elderlyMode: '长辈模式',
    loading: '正在加载…',
    retry: '重试',
    back: '返回',
    close: '关闭',
    logout: '退出登录',
    errors: {
      network: '网络连接失败，请检查网络后重试。已填写的内容不会丢失。',
      unexpected: '服务暂时不可用，请稍后重试。',
      sessionEnded: '登录已失效，请重新登录。',
    },
    staffLogin: {
      title: '工作人员登录',
      username: '用户名',
      password: '密码',
      submit: '登录',
      expired: '您已超过 30 分钟未操作，登录已失效，请重新登录。未保存的内容需要重新填写。',
      deactivated: '您的账号已被管理员停用，无法继续操作。如有疑问请联系系统管理员。',
      signedInAs: '当前用户：{{username}}',
      code: '动态验证码',
      codeHint: '打开身份验证器应用，输入其中显示的 6 位数字。',
      usePasskey: '使用通行密钥',
      passkeyHint: '请用本账号已添加的通行密钥（安全密钥、手机或本机）确认登录。',
      passkeyOrCode: '也可以用本账号已添加的通行密钥（安全密钥、手机或本机）确认登录。',
      passkeyFailed: '未能使用通行密钥（已取消、超时或不是本账号的密钥），请重试或输入动态验证码。',
    },
    placeholder: '此页面正在建设中。',
  },
};
