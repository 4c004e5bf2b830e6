export default definePageConfig({ navigationBarTitleText: '评议团成员' })
