/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production'
    TARO_ENV: 'weapp' | 'h5'
    /** WeChat cloud environment id; empty means the mini-program's default environment. */
    TARO_APP_CLOUD_ENV?: string
    /** WeChat subscribe-message template for new announcements; unset means no reminders are asked for. */
    TARO_APP_NOTICE_TEMPLATE_ID?: string
    /** WeChat subscribe-message template for escalation cases (township staff); unset means none are asked for. */
    TARO_APP_ESCALATION_TEMPLATE_ID?: string
  }
}
