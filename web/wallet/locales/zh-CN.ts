export const zhCN = {
  wallet: {
    title: '我的电子证照',
  },
};
