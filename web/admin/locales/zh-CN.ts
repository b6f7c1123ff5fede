export const zhCN = {
  admin: {
    title: '系统管理',
  },
};
