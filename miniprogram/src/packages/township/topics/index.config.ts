export default definePageConfig({ navigationBarTitleText: '各村点题公开情况' })
