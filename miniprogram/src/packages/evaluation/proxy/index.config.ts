export default definePageConfig({ navigationBarTitleText: '委托家人投票' })
