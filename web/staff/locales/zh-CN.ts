export const zhCN = {
  staff: {
    title: '居住证工作台',
  },
};
