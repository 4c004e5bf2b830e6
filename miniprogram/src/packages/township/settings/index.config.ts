export default definePageConfig({ navigationBarTitleText: '乡镇设置' })
